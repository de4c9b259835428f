namespace RedMvc.Web.Features.NoteProducts;

public record TagProductsPage(long NoteId, string NoteTitle, IReadOnlyList<PhotoView> Photos, NoteShopView Shop, string? Query, IReadOnlyList<ProductSearchResult> Results);

/// <summary>
/// The author's "tag products" page for a note: search products on sale, attach up to 10, and pin
/// them on photos. Plain forms throughout; pins.js lets the author click the photo instead of typing x/y.
/// </summary>
[Authorize, Route("notes/{noteId:long}/products")]
public class NoteProductsController(AppDbContext db, NoteShopQueries shop, ProductSearch search, PublicPages pages, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Manage(long noteId, string? q)
    {
        var note = await OwnNoteAsync(noteId);
        if (note is null) return NotFound();
        var photos = note.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p, note.Title)).ToList();
        return View(new TagProductsPage(noteId, note.Title, photos, await shop.ForNoteAsync(noteId, includeOffSale: true), q, await search.SearchAsync(q)));
    }

    [HttpPost("attach")]
    public Task<IActionResult> Attach(long noteId, long productId, string? q) =>
        ChangeAsync(noteId, () => NoteShopping.AttachAsync(db, noteId, productId), q);

    [HttpPost("detach")]
    public Task<IActionResult> Detach(long noteId, long productId) =>
        ChangeAsync(noteId, async () => { await NoteShopping.DetachAsync(db, noteId, productId); return null; }, null);

    /// <summary>X and Y arrive as percentages of the photo (what a person types); stored as fractions.</summary>
    [HttpPost("pins")]
    public Task<IActionResult> Pin(long noteId, long photoId, long productId, double x, double y) =>
        ChangeAsync(noteId, async () =>
        {
            // "abc" binds as 0: a pin in the corner nobody asked for. Refuse it with the position message.
            if (!ModelState.IsValid) return "Pin.Error.Position";
            try
            {
                return await NoteShopping.PinAsync(db, noteId, photoId, productId, x / 100, y / 100);
            }
            catch (ShopRuleException rule)
            {
                return rule.Key;
            }
        }, null);

    [HttpPost("pins/{pinId:long}/delete")]
    public Task<IActionResult> Unpin(long noteId, long pinId) =>
        ChangeAsync(noteId, async () => { await NoteShopping.UnpinAsync(db, noteId, pinId); return null; }, null);

    private async Task<IActionResult> ChangeAsync(long noteId, Func<Task<string?>> change, string? q)
    {
        if (await OwnNoteAsync(noteId) is null) return NotFound();
        if (await change() is { } problem) this.Flash(t[problem, NoteProduct.MaxPerNote, NoteShopping.MaxPinsPerPhoto]);
        await pages.NotePageChangedAsync(noteId);
        return Redirect($"/notes/{noteId}/products" + (string.IsNullOrWhiteSpace(q) ? "" : $"?q={Uri.EscapeDataString(q)}"));
    }

    /// <summary>Only the author tags their own note; anyone else gets the same 404 as a missing note.</summary>
    private Task<Note?> OwnNoteAsync(long noteId)
    {
        var viewerId = User.Id();
        return db.Notes.AsNoTracking().Include(n => n.Photos)
            .SingleOrDefaultAsync(n => n.Id == noteId && n.AuthorId == viewerId && n.Status != NoteStatus.Deleted);
    }
}
