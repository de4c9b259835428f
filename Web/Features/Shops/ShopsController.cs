using Microsoft.AspNetCore.OutputCaching;

namespace RedMvc.Web.Features.Shops;

public record ShopPage(ShopCard Shop, string? Description, IReadOnlyList<ProductCard> Products, IReadOnlyList<NoteCard> Notes, bool ViewerIsOwner);

/// <summary>A brand's public shop: on-sale products and the notes that feature them. No forms, so visitors' copies can be cached.</summary>
public class ShopsController(AppDbContext db, NoteCards cards) : Controller
{
    public const int ProductsShown = 60;
    public const int NotesShown = 24;

    [HttpGet("/shops/{handle}"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Show(string handle)
    {
        var shop = await db.Shops.AsNoTracking().SingleOrDefaultAsync(s => s.Handle == handle);
        if (shop is null || (shop.IsSuspended && shop.OwnerId != User.Id())) return NotFound();
        var onSale = await ProductCardsAsync(db, db.Products.Where(p => p.ShopId == shop.Id && p.Status == ProductStatus.Active), ProductsShown);
        var featured = db.NoteProducts.Where(np => db.Products.Any(p => p.Id == np.ProductId && p.ShopId == shop.Id && p.HeldAt == null && (p.Status == ProductStatus.Active || p.Status == ProductStatus.Archived)));
        PublicPages.Tag(HttpContext, PublicPages.ShopTag(shop.Id), PublicPages.NoteListsTag);
        var notes = await cards.NewestAsync(cards.PublicFeedOf(User.Id()).Where(n => featured.Any(np => np.NoteId == n.Id)), null, 0, NotesShown, User.Id());
        return View(new ShopPage(new ShopCard(shop.Handle, shop.Name, shop.LogoKey), shop.Description, onSale, notes.Cards, shop.OwnerId == User.Id()));
    }

    /// <summary>Cards for the given products, newest first: cover and lowest price.</summary>
    public static async Task<List<ProductCard>> ProductCardsAsync(AppDbContext db, IQueryable<Product> products, int take)
    {
        var list = await products.AsNoTracking().Include(p => p.Variants).OrderByDescending(p => p.Id).Take(take).ToListAsync();
        var covers = await ProductPhotos.CoversAsync(db, list.Select(p => p.Id));
        return list.Where(p => p.Variants.Count > 0).Select(p =>
        {
            var cheapest = p.Variants.OrderBy(v => v.PriceFen).First();
            var cover = ProductPhotos.CoverOf(covers, p.Id, p.Title);
            return new ProductCard(p.Id, p.Title, cheapest.PriceFen, cheapest.CompareAtFen, cover, p.Variants.All(v => v.Stock <= 0));
        }).ToList();
    }
}
