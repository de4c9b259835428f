namespace RedMvc.Web.Features.Shared;

public static class SavedAddresses
{
    /// <summary>The member's addresses, default first, then newest; checkout lists them too.</summary>
    public static Task<List<AddressView>> OfAsync(AppDbContext db, string userId) =>
        db.Addresses.AsNoTracking().Where(a => a.UserId == userId).OrderByDescending(a => a.IsDefault).ThenByDescending(a => a.Id)
            .Select(a => new AddressView(a.Id, a.Name, a.Phone, a.Province, a.City, a.District, a.Line, a.IsDefault)).ToListAsync();
}
