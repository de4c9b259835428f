using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Notes;

namespace RedMvc.Domain.Search;

/// <summary>
/// Which tracked changes the index must follow: any change to a note (publish, edit, visibility,
/// delete), a member's name, handle or bio, a product, a shop's name. AppDbContext asks this on every
/// save and writes the outbox rows in the same transaction. Writes that bypass tracking
/// (ExecuteUpdate, raw SQL) add their rows themselves with <see cref="Add"/>.
/// </summary>
public static class SearchOutbox
{
    private static readonly string[] PersonFields = [nameof(AppUser.DisplayName), nameof(AppUser.Handle), nameof(AppUser.Bio)];

    /// <summary>
    /// The items to look at again, in one pass over the tracker (each Entries() call detects changes over every
    /// tracked entity first, and SaveChanges does it once more). A key is read after saving, when added rows
    /// have their ids; NeedsIds says whether some key is known only then (an added note or product).
    /// </summary>
    public static SearchChanges Pending(ChangeTracker tracker)
    {
        var items = new List<(SearchKind, Func<string>)>();
        var needsIds = false;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Note note: items.Add((SearchKind.Note, () => note.Id.ToString())); break;
                case Product product: items.Add((SearchKind.Product, () => product.Id.ToString())); break;
                case AppUser user when entry.State != EntityState.Modified || PersonFields.Any(f => entry.Property(f).IsModified):
                    items.Add((SearchKind.Person, () => user.Id)); break;
                case Shop shop when entry.State == EntityState.Modified && entry.Property(nameof(Shop.Name)).IsModified:
                    items.Add((SearchKind.Shop, () => shop.Id.ToString())); break;
            }
            needsIds |= entry.State == EntityState.Added && entry.Entity is Note or Product;
        }
        return new SearchChanges(items, needsIds);
    }

    public static void Add(Data.AppDbContext db, SearchKind kind, IEnumerable<string> keys, DateTime now) =>
        db.SearchOutbox.AddRange(keys.Distinct().Select(key => new SearchOutboxEntry(kind, key, now)));
}
