namespace RedMvc.Web.Features.Cart;

/// <summary>
/// The member's cart. A visitor who adds is sent to sign in and keeps the item: the add waits in a
/// short-lived cookie (PendingCartAdd) and the member confirms it on /cart/add/resume.
/// </summary>
public class CartController(AppDbContext db, CartLines lines, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string ResumeUrl = "/cart/add/resume";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/cart"), Authorize]
    public async Task<IActionResult> Index() => View(new CartPage(await lines.ByShopAsync(User.Id()!), PendingCartAdd.Read(Request)));

    /// <summary>The product page's button. Visitors (whose cached pages carry no forms) reach the GET below instead.</summary>
    [HttpPost("/cart/add")]
    public async Task<IActionResult> Add(AddToCartForm form)
    {
        if (!ModelState.IsValid) return await BackToProductAsync(form);
        if (User.Id() is not { } userId) return SignInFirst(form);
        PendingCartAdd.Clear(Response);
        if (!await ShoppingCart.AddAsync(db, userId, form.VariantId, form.Quantity, form.NoteId, Now)) return NotFound();
        if (form.BuyNow) return Redirect($"/checkout?only={form.VariantId}");
        this.Flash(t["Cart.Added"]);
        return Redirect("/cart");
    }

    /// <summary>
    /// A plain link or GET form ("add to cart" for visitors, whose pages are cached without forms).
    /// A GET never changes the cart (a link on another site could otherwise fill it): a visitor is
    /// sent to sign in with the add kept in the cookie, a member is shown the confirm page.
    /// </summary>
    [HttpGet("/cart/add")]
    public async Task<IActionResult> ConfirmAdd(AddToCartForm form)
    {
        if (!ModelState.IsValid) return NotFound();
        if (User.Id() is null) return SignInFirst(form);
        return await ConfirmPageAsync(new PendingCartAdd(form.VariantId, form.Quantity, form.NoteId));
    }

    /// <summary>
    /// Where sign-in returns to. It shows the kept item with an "add to cart" button that posts to
    /// /cart/add: an explicitly confirmed GET, because the redirect after sign-in can only be a GET,
    /// and adding on a GET would let any page that links here put things in a member's cart.
    /// </summary>
    [HttpGet(ResumeUrl), Authorize]
    public async Task<IActionResult> Resume()
    {
        if (PendingCartAdd.Read(Request) is not { } pending) return Redirect("/cart");
        return await ConfirmPageAsync(pending);
    }

    /// <summary>The member declines the kept item.</summary>
    [HttpPost("/cart/add/forget"), Authorize]
    public IActionResult Forget()
    {
        PendingCartAdd.Clear(Response);
        return Redirect("/cart");
    }

    [HttpPost("/cart/{variantId:long}/quantity"), Authorize]
    public async Task<IActionResult> Quantity(long variantId, int quantity)
    {
        if (quantity < 1) return await Remove(variantId);
        if (!await ShoppingCart.SetQuantityAsync(db, User.Id()!, variantId, Math.Min(quantity, CartItem.MaxQuantity))) return NotFound();
        return Redirect("/cart");
    }

    [HttpPost("/cart/{variantId:long}/remove"), Authorize]
    public async Task<IActionResult> Remove(long variantId)
    {
        if (!await ShoppingCart.RemoveAsync(db, User.Id()!, variantId)) return NotFound();
        this.Flash(t["Cart.Removed"]);
        return Redirect("/cart");
    }

    private async Task<IActionResult> ConfirmPageAsync(PendingCartAdd add)
    {
        if (await lines.PreviewAsync(add.VariantId, add.Quantity, add.NoteId) is not { } preview)
        {
            PendingCartAdd.Clear(Response);
            return NotFound();
        }
        return View("ConfirmAdd", new ConfirmAddPage(preview.Line, preview.ShopName));
    }

    /// <summary>A quantity the form refused (0, 500, "abc"): back to the product with the reason, nothing added.</summary>
    private async Task<IActionResult> BackToProductAsync(AddToCartForm form)
    {
        var productId = await db.ProductVariants.Where(v => v.Id == form.VariantId).Select(v => (long?)v.ProductId).SingleOrDefaultAsync();
        if (productId is null) return NotFound();
        this.Flash(ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).First());
        return Redirect($"/products/{productId}?variant={form.VariantId}" + (form.NoteId is { } note ? $"&note={note}" : ""));
    }

    private IActionResult SignInFirst(AddToCartForm form)
    {
        new PendingCartAdd(form.VariantId, form.Quantity, form.NoteId).Write(Response);
        return Redirect($"/account/sign-in?returnUrl={Uri.EscapeDataString(ResumeUrl)}");
    }
}
