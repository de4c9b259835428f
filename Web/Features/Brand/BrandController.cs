using Hangfire;
using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Commerce;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Brand;

/// <summary>
/// The brand's dashboard: shop settings, products, stock and orders to ship. Every record is looked
/// up through the signed-in brand's own shop, so another shop's product or order answers 404.
/// </summary>
[Authorize(Roles = Roles.Brand)]
public class BrandController(
    AppDbContext db,
    BrandQueries queries,
    UploadInspector inspector,
    IFileStore files,
    IBackgroundJobClient jobs,
    IOptions<UploadLimits> uploadLimits,
    TimeProvider clock,
    OrderLifecycle lifecycle,
    PublicPages pages,
    Screening screening,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const long MaxUploadBytes = 10 * 25 * 1024 * 1024;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string ViewerId => User.Id()!;

    [HttpGet("/brand")]
    public async Task<IActionResult> Index(string? tab)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        var status = tab switch
        {
            "active" => ProductStatus.Active, "archived" => ProductStatus.Archived, "takendown" => ProductStatus.TakenDown, _ => ProductStatus.Draft,
        };
        return View(await queries.DashboardAsync(shop, status));
    }

    [HttpGet("/brand/settings")]
    public async Task<IActionResult> Settings()
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        ViewData["LogoKey"] = shop.LogoKey;
        return View(new ShopForm { Name = shop.Name, Description = shop.Description });
    }

    [HttpPost("/brand/settings")]
    public async Task<IActionResult> Settings(ShopForm form)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        ViewData["LogoKey"] = shop.LogoKey;
        if (await ModelState.RefusedByScreeningAsync(screening, db, t, nameof(form.Name), form.Name, form.Description)) return View(form);
        try
        {
            shop.Describe(form.Name, form.Description);
        }
        catch (ShopRuleException e)
        {
            ModelState.AddModelError(e.Field ?? nameof(form.Name), t[e.Key]);
            return View(form);
        }
        await db.SaveChangesAsync();
        await pages.ShopChangedAsync(shop.Id);
        this.Flash(t["Brand.Settings.Saved"]);
        return Redirect("/brand/settings");
    }

    [HttpPost("/brand/logo"), EnableRateLimiting(RateLimits.Posting)]
    [RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024), RequestSizeLimit(25 * 1024 * 1024)]
    public async Task<IActionResult> Logo(IFormFile? logo)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        var inspection = logo is null ? new UploadInspection(UploadProblem.Empty) : await inspector.InspectAsync(logo, uploadLimits.Value, HttpContext.RequestAborted);
        if (!inspection.IsAcceptable)
        {
            this.Flash(t["Brand.Logo.Refused", t.UploadMessage(inspection.Problem, uploadLimits.Value)]);
            return Redirect("/brand/settings");
        }
        var key = await files.SaveOriginalAsync(logo!, "logos", HttpContext.RequestAborted);
        jobs.Enqueue<ProcessShopLogoJob>(job => job.RunAsync(shop.Id, key, CancellationToken.None));
        this.Flash(t["Brand.Logo.Processing"]);
        return Redirect("/brand/settings");
    }

    [HttpGet("/brand/products/new")]
    public async Task<IActionResult> New()
    {
        if (await OwnShopAsync() is null) return NotFound();
        return View("Product", FormPage(new ProductForm(), null));
    }

    [HttpPost("/brand/products/new"), EnableRateLimiting(RateLimits.Posting)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes), RequestSizeLimit(MaxUploadBytes)]
    public async Task<IActionResult> New(ProductForm form)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        return await SaveAsync(shop.Id, null, form);
    }

    [HttpGet("/brand/products/{id:long}/edit")]
    public async Task<IActionResult> Edit(long id)
    {
        var product = await OwnProductAsync(id);
        if (product is null) return NotFound();
        var form = new ProductForm
        {
            Title = product.Title, Description = product.Description, Category = product.Category,
            Variants = product.Variants.OrderBy(v => v.Id).Select(v => new VariantRow
            {
                Id = v.Id, Name = v.Name, Price = Money.Amount(v.PriceFen), CompareAt = v.CompareAtFen is { } c ? Money.Amount(c) : null,
            }).ToList(),
        };
        return View("Product", FormPage(form, product));
    }

    [HttpPost("/brand/products/{id:long}/edit"), EnableRateLimiting(RateLimits.Posting)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes), RequestSizeLimit(MaxUploadBytes)]
    public async Task<IActionResult> Edit(long id, ProductForm form)
    {
        var product = await OwnProductAsync(id);
        if (product is null) return NotFound();
        return await SaveAsync(product.ShopId, product, form);
    }

    [HttpPost("/brand/products/{id:long}/activate")]
    public async Task<IActionResult> Activate(long id)
    {
        var product = await OwnProductAsync(id);
        if (product is null) return NotFound();
        try
        {
            (await db.Shops.SingleAsync(s => s.Id == product.ShopId)).EnsureCanSell();
            product.Activate(Now);
            await db.SaveChangesAsync();
            await pages.ProductChangedAsync(id, product.ShopId);
            this.Flash(t["Brand.Product.Activated"]);
        }
        catch (ShopRuleException e)
        {
            this.Flash(t[e.Key]);
        }
        return Redirect($"/brand/products/{id}/edit");
    }

    [HttpPost("/brand/products/{id:long}/archive")]
    public async Task<IActionResult> Archive(long id)
    {
        var product = await OwnProductAsync(id);
        if (product is null) return NotFound();
        product.Archive(Now);
        await db.SaveChangesAsync();
        await pages.ProductChangedAsync(id, product.ShopId);
        this.Flash(t["Brand.Product.Archived"]);
        return Redirect($"/brand/products/{id}/edit");
    }

    [HttpGet("/brand/products/{id:long}/stock")]
    public async Task<IActionResult> Stock(long id)
    {
        var shop = await OwnShopAsync();
        var page = shop is null ? null : await queries.StockAsync(shop.Id, id);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>"+N" or "-N" with a reason: one conditional update, refused when it would take stock below zero or above ProductVariant.MaxStock.</summary>
    [HttpPost("/brand/products/{id:long}/stock")]
    public async Task<IActionResult> Stock(long id, long variantId, int? delta, string? reason)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        var owned = await db.ProductVariants.AnyAsync(v => v.Id == variantId && v.ProductId == id
            && db.Products.Any(p => p.Id == id && p.ShopId == shop.Id));
        if (!owned) return NotFound();
        var why = StockAdjustment.ReasonRule.Check(reason);
        if (delta is null or 0) this.Flash(t["Stock.Error.Delta"]);
        else if (why.ErrorKey("Stock.Error.ReasonRequired", "Stock.Error.ReasonTooLong") is { } error) this.Flash(t[error]);
        else
        {
            var stock = await ShopStock.AdjustAsync(db, variantId, delta.Value, why.Value, ViewerId, Now);
            this.Flash(stock is null ? t["Stock.Error.OutOfRange", ProductVariant.MaxStock] : t["Stock.Adjusted", stock.Value]);
            if (stock is not null) await pages.ProductChangedAsync(id, shop.Id);
        }
        return Redirect($"/brand/products/{id}/stock");
    }

    [HttpGet("/brand/orders")]
    public async Task<IActionResult> Orders()
    {
        var shop = await OwnShopAsync();
        if (shop is null) return NotFound();
        return View(await queries.OrdersAsync(shop.Id));
    }

    [HttpPost("/brand/orders/{id:long}/ship")]
    public async Task<IActionResult> Ship(long id, string? carrier, string? trackingNumber)
    {
        var carrierText = Order.CarrierRule.Check(carrier);
        var trackingText = Order.TrackingNumberRule.Check(trackingNumber);
        if ((carrierText.ErrorKey("Brand.Orders.TrackingRequired", "Order.Error.TrackingTooLong")
            ?? trackingText.ErrorKey("Brand.Orders.TrackingRequired", "Order.Error.TrackingTooLong")) is { } error)
        {
            this.Flash(t[error]);
            return Redirect("/brand/orders");
        }
        return await MoveOrderAsync(id, "Brand.Orders.Shipped", () => lifecycle.ShipAsync(id, carrierText.Value, trackingText.Value, ViewerId));
    }

    [HttpPost("/brand/orders/{id:long}/approve-return")]
    public Task<IActionResult> ApproveReturn(long id, bool restock) =>
        MoveOrderAsync(id, "Brand.Orders.ReturnApproved", () => lifecycle.ApproveReturnAsync(id, restock, ViewerId));

    [HttpPost("/brand/orders/{id:long}/decline-return")]
    public async Task<IActionResult> DeclineReturn(long id, string? reason)
    {
        var why = Order.ReasonRule.Check(reason);
        if (why.ErrorKey("Brand.Orders.ReasonRequired", "Order.Error.ReasonTooLong") is { } error)
        {
            this.Flash(t[error]);
            return Redirect("/brand/orders");
        }
        return await MoveOrderAsync(id, "Brand.Orders.ReturnDeclined", () => lifecycle.DeclineReturnAsync(id, ViewerId, why.Value));
    }

    /// <summary>Runs one lifecycle transition on an order of this shop; a move the order no longer allows (or a concurrent one) is reported, not thrown.</summary>
    private async Task<IActionResult> MoveOrderAsync(long id, string doneKey, Func<Task<bool>> move)
    {
        var shop = await OwnShopAsync();
        var order = shop is null ? null : await db.Orders.AsNoTracking().Where(o => o.Id == id && o.ShopId == shop.Id).Select(o => new { o.Number }).SingleOrDefaultAsync();
        if (order is null) return NotFound();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await move();
                this.Flash(t[doneKey, order.Number]);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt == 1)
            {
                // A job moved the order meanwhile (Paid -> Processing): read it afresh and try once more.
                db.ChangeTracker.Clear();
            }
            catch (Exception e) when (e is ShopRuleException or DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var status = await db.Orders.AsNoTracking().Where(o => o.Id == id).Select(o => o.Status).SingleAsync();
                this.Flash(t["Brand.Orders.NotPossible", order.Number, t[$"Order.Status.{status}"]]);
                break;
            }
        }
        return Redirect("/brand/orders");
    }

    /// <summary>Checks everything first (text, variants, every photo); only a fully valid form stores anything.</summary>
    private async Task<IActionResult> SaveAsync(long shopId, Product? existing, ProductForm form)
    {
        var uploads = form.Photos.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var post = new ProductPost(form.Title, form.Description ?? "", form.Category, VariantInputs(form), form.RemovePhotoIds, uploads.Count);
        var changes = ProductSaving.Apply(shopId, existing, post, Now);
        foreach (var (field, error) in changes.Problems) ModelState.AddModelError(field, t[error, Product.MaxPhotos]);
        var screened = await screening.JudgeAsync(db, form.Title, form.Description);
        if (screened.Blocks) ModelState.AddModelError(nameof(form.Title), t[ScreeningVerdict.BlockedKey, screened.Phrase!]);
        // New rows only: a saved variant's name cannot change here.
        await ModelState.RefusedByScreeningAsync(screening, db, t, ProductPost.VariantsField, form.Variants.Where(v => v.Id is null).Select(v => v.Name).ToArray());
        foreach (var upload in uploads)
        {
            var result = await inspector.InspectAsync(upload, uploadLimits.Value, HttpContext.RequestAborted);
            if (!result.IsAcceptable) ModelState.AddModelError(nameof(form.Photos), t["Upload.Refused", upload.FileName, t.UploadMessage(result.Problem, uploadLimits.Value)]);
        }
        if (!ModelState.IsValid || !changes.CanSave) return View("Product", FormPage(form, existing));
        changes.Product!.Screen(screened, Now);

        var storedKeys = new List<string>();
        try
        {
            foreach (var upload in uploads) storedKeys.Add(await files.SaveOriginalAsync(upload, "", HttpContext.RequestAborted));
            await ProductSaving.SaveAsync(db, changes, form.RemovePhotoIds, storedKeys, t["Stock.InitialReason"], ViewerId, Now);
        }
        catch
        {
            foreach (var key in storedKeys) await files.DeleteAsync(key);
            throw;
        }
        var product = changes.Product!;
        if (storedKeys.Count > 0) jobs.Enqueue<ProcessProductPhotosJob>(job => job.RunAsync(product.Id, CancellationToken.None));
        await pages.ProductChangedAsync(product.Id, shopId);
        this.Flash(t[screened.Holds ? "Screening.HeldProduct" : changes.IsNew ? "Brand.Product.Created" : "Brand.Product.Saved"]);
        return Redirect($"/brand/products/{product.Id}/edit");
    }

    /// <summary>The filled rows, prices read as yuan; a price that cannot be read is left null for the rule to report.</summary>
    private static List<VariantInput> VariantInputs(ProductForm form) =>
        form.Variants.Select((row, index) => (Row: row, Index: index)).Where(r => !r.Row.IsBlank).Select(r =>
        {
            var compareAtGiven = !string.IsNullOrWhiteSpace(r.Row.CompareAt);
            var compareAt = compareAtGiven ? Money.ParseYuan(r.Row.CompareAt) : null;
            return new VariantInput(r.Index, r.Row.Id, r.Row.Name ?? "", Money.ParseYuan(r.Row.Price), compareAt, compareAtGiven && compareAt is null, r.Row.Stock ?? 0);
        }).ToList();

    private Task<Shop?> OwnShopAsync() => db.Shops.SingleOrDefaultAsync(s => s.OwnerId == ViewerId);

    private async Task<Product?> OwnProductAsync(long id)
    {
        var shop = await OwnShopAsync();
        if (shop is null) return null;
        return await db.Products.Include(p => p.Photos).Include(p => p.Variants).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id && p.ShopId == shop.Id);
    }

    private ProductFormPage FormPage(ProductForm form, Product? product)
    {
        // Existing variants and the rows already posted keep their order (errors point at their index); blanks follow.
        var blanksNeeded = ProductForm.BlankRows - form.Variants.Count(v => v.IsBlank);
        form.Variants.AddRange(Enumerable.Range(0, Math.Max(0, blanksNeeded)).Select(_ => new VariantRow()));
        var photos = product?.Photos.OrderBy(p => p.Position).Select(p => ProductPhotos.ToView(p, product.Title)).ToList() ?? [];
        var stock = product?.Variants.ToDictionary(v => v.Id, v => v.Stock) ?? [];
        return new ProductFormPage(form, product?.Id, product?.Status, photos, stock, Product.MaxPhotos, product?.TakedownReason);
    }
}
