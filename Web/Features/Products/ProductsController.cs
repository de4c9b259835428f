using Microsoft.AspNetCore.OutputCaching;

namespace RedMvc.Web.Features.Products;

public class ProductsController(ProductQueries queries) : Controller
{
    /// <summary>The variant is chosen by a link (?variant=), so the picker works without script; ?note= carries the note the buyer came from.</summary>
    [HttpGet("/products/{id:long}"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Show(long id, long? variant, long? note)
    {
        var page = await queries.DetailsAsync(id, variant, note, User.Id());
        if (page is null) return NotFound();
        PublicPages.Tag(HttpContext, PublicPages.ProductTag(id), PublicPages.ShopTag(page.ShopId), PublicPages.NoteListsTag);
        return View(page);
    }
}
