using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Commerce;

/// <summary>TakenDown: withheld by staff (the product itself, or its shop suspended); public to no one, on sale nowhere.</summary>
public enum ProductStatus { Draft = 0, Active = 1, Archived = 2, TakenDown = 3 }

/// <summary>Something a shop sells, in one or more variants (colour x size), each with its own price and stock.</summary>
public class Product
{
    public const int TitleMaxLength = 60;
    public const int DescriptionMaxLength = 2000;
    public static readonly TextRule TitleRule = TextRule.Line(TitleMaxLength, required: true);
    public static readonly TextRule DescriptionRule = TextRule.Lines(DescriptionMaxLength);
    public const int MaxVariants = 50;
    public const int MaxPhotos = 9;

    private readonly List<ProductVariant> _variants = [];
    private readonly List<ProductPhoto> _photos = [];

    private Product() { }

    public long Id { get; private set; }
    public long ShopId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Category { get; private set; } = "";
    public ProductStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When staff took this product down (null while only its shop's suspension withholds it), and why: the brand sees it.</summary>
    public DateTime? TakenDownAt { get; private set; }
    public string? TakedownReason { get; private set; }

    /// <summary>The brand's own status while staff withhold the product: what it returns to when nothing withholds it any more.</summary>
    public ProductStatus? StatusBeforeTakedown { get; private set; }

    /// <summary>Screening held its text for review: it stays a draft, off sale, until staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }

    /// <summary>
    /// Reachable by its address for everyone (archived ones say they are no longer sold); drafts, taken-down
    /// products and held ones (archived too: their text waits for staff like any other) are not.
    /// </summary>
    public bool IsPublic => HeldAt is null && Status is ProductStatus.Active or ProductStatus.Archived;

    public IReadOnlyList<ProductVariant> Variants => _variants;
    public IReadOnlyList<ProductPhoto> Photos => _photos;

    public static Product Draft(long shopId, string title, string description, string category, DateTime now)
    {
        var product = new Product { ShopId = shopId, Status = ProductStatus.Draft, CreatedAt = now };
        product.Edit(title, description, category, now);
        return product;
    }

    public void Edit(string title, string description, string category, DateTime now)
    {
        var newTitle = TitleRule.Check(title);
        if (newTitle.ErrorKey("Product.Error.TitleRequired", "Product.Error.TitleTooLong") is { } titleError) throw new ShopRuleException(titleError, nameof(Title));
        var newDescription = DescriptionRule.Check(description);
        if (newDescription.ErrorKey("Product.Error.DescriptionTooLong") is { } descriptionError) throw new ShopRuleException(descriptionError, nameof(Description));
        if (!Channels.IsKnown(category) || category == Channels.Recommended) throw new ShopRuleException("Product.Error.Category", nameof(Category));
        Title = newTitle.Value;
        Description = newDescription.Value;
        Category = category;
        UpdatedAt = now;
    }

    public ProductVariant AddVariant(string name, long priceFen, long? compareAtFen, int stock)
    {
        if (_variants.Count >= MaxVariants) throw new ShopRuleException("Product.Error.TooManyVariants");
        var variant = new ProductVariant(name, priceFen, compareAtFen, stock);
        if (_variants.Any(v => v.Name == variant.Name)) throw new ShopRuleException("Product.Error.DuplicateVariant");
        _variants.Add(variant);
        return variant;
    }

    public void AddPhoto(ProductPhoto photo)
    {
        if (_photos.Count >= MaxPhotos) throw new ShopRuleException("Product.Error.TooManyPhotos");
        _photos.Add(photo);
    }

    /// <summary>Takes a photo off the product (its files stay: names are content hashes other rows may share).</summary>
    public void RemovePhoto(ProductPhoto photo) => _photos.Remove(photo);

    /// <summary>On sale: needs at least one variant and one photo.</summary>
    public void Activate(DateTime now)
    {
        if (Status == ProductStatus.TakenDown) throw new ShopRuleException("Product.Error.TakenDown");
        if (HeldAt is not null) throw new ShopRuleException("Product.Error.Held");
        if (_variants.Count == 0) throw new ShopRuleException("Product.Error.NoVariants");
        if (_photos.Count == 0) throw new ShopRuleException("Product.Error.NoPhotos");
        Status = ProductStatus.Active;
        UpdatedAt = now;
    }

    /// <summary>
    /// Each save is screened: held text takes it off sale until approved, also as the status a takedown or
    /// suspension returns it to; text that passes ends the hold.
    /// </summary>
    public void Screen(ScreeningVerdict verdict, DateTime now)
    {
        HeldAt = verdict.Holds ? HeldAt ?? now : null;
        if (HeldAt is null) return;
        if (Status == ProductStatus.Active) Status = ProductStatus.Draft;
        if (StatusBeforeTakedown == ProductStatus.Active) StatusBeforeTakedown = ProductStatus.Draft;
    }

    public void ApproveHeld() => HeldAt = null;

    /// <summary>A taken-down product stays down; it will come back archived.</summary>
    public void Archive(DateTime now)
    {
        if (Status == ProductStatus.TakenDown) StatusBeforeTakedown = ProductStatus.Archived;
        else Status = ProductStatus.Archived;
        UpdatedAt = now;
    }

    /// <summary>Staff take the product down with a reason. False when it already was (the first reason stands).</summary>
    public bool TakeDown(string reason, DateTime now)
    {
        if (TakenDownAt is not null) return false;
        Withhold();
        TakenDownAt = now;
        TakedownReason = reason;
        return true;
    }

    /// <summary>Staff restore a taken-down product; while its shop is suspended it stays withheld. False when it was not taken down.</summary>
    public bool RestoreFromTakedown(bool shopSuspended)
    {
        if (TakenDownAt is null) return false;
        TakenDownAt = null;
        TakedownReason = null;
        if (!shopSuspended) Release();
        return true;
    }

    /// <summary>The shop was suspended: withheld whatever its status, so nothing of the shop can be shown or sold.</summary>
    public void WithholdWithShop() => Withhold();

    /// <summary>The shop was restored: back to the brand's status unless staff took this product down on its own.</summary>
    public void ReleaseWithShop()
    {
        if (TakenDownAt is null) Release();
    }

    private void Withhold()
    {
        if (Status == ProductStatus.TakenDown) return;
        StatusBeforeTakedown = Status;
        Status = ProductStatus.TakenDown;
    }

    private void Release()
    {
        if (Status != ProductStatus.TakenDown) return;
        Status = StatusBeforeTakedown ?? ProductStatus.Draft;
        StatusBeforeTakedown = null;
    }
}

/// <summary>
/// One buyable version of a product. Stock never changes through this object: it is reserved and
/// released by single conditional UPDATE statements (ShopStock), so concurrent buyers cannot oversell.
/// </summary>
public class ProductVariant
{
    /// <summary>More than any shop holds; keeps every stock sum far from the integer limit on every database.</summary>
    public const int MaxStock = 1_000_000;

    public const int NameMaxLength = 40;
    public static readonly TextRule NameRule = TextRule.Line(NameMaxLength);

    private ProductVariant() { }

    internal ProductVariant(string? name, long priceFen, long? compareAtFen, int stock)
    {
        var text = NameRule.Check(name);
        if (text.ErrorKey("Product.Error.VariantNameTooLong") is { } error) throw new ShopRuleException(error, nameof(Name));
        Name = text.Value;
        Reprice(priceFen, compareAtFen);
        if (stock < 0) throw new ShopRuleException("Product.Error.NegativeStock");
        if (stock > MaxStock) throw new ShopRuleException("Product.Error.StockTooHigh");
        Stock = stock;
    }

    public long Id { get; private set; }
    public long ProductId { get; private set; }

    /// <summary>The options as shown, e.g. "奶白 / M"; empty for a product with one variant.</summary>
    public string Name { get; private set; } = "";
    public long PriceFen { get; private set; }
    public long? CompareAtFen { get; private set; }
    public int Stock { get; private set; }

    public void Reprice(long priceFen, long? compareAtFen)
    {
        if (priceFen <= 0) throw new ShopRuleException("Product.Error.Price");
        if (compareAtFen is { } compare && compare <= priceFen) throw new ShopRuleException("Product.Error.CompareAt");
        PriceFen = priceFen;
        CompareAtFen = compareAtFen;
    }
}

/// <summary>A product photo: the same pipeline and file names as a note photo.</summary>
public class ProductPhoto
{
    private ProductPhoto() { }

    public ProductPhoto(string originalKey, int position)
    {
        OriginalKey = originalKey;
        Position = position;
    }

    public long Id { get; private set; }
    public long ProductId { get; private set; }
    public string OriginalKey { get; private set; } = "";
    public int Position { get; private set; }
    public PhotoStatus Status { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string? DominantColor { get; private set; }
    public string? ContentHash { get; private set; }
    public string? Widths { get; private set; }

    public void MarkReady(int width, int height, string dominantColor, string contentHash, IEnumerable<int> widths)
    {
        Status = PhotoStatus.Ready;
        (Width, Height, DominantColor, ContentHash) = (width, height, dominantColor, contentHash);
        Widths = string.Join(',', widths);
    }

    public void MarkFailed() => Status = PhotoStatus.Failed;
}

/// <summary>A change of stock by the brand, with who and why: the ledger behind every number.</summary>
public class StockAdjustment
{
    public const int ReasonMaxLength = 100;
    public static readonly TextRule ReasonRule = TextRule.Line(ReasonMaxLength, required: true);

    private StockAdjustment() { }

    public StockAdjustment(long variantId, int delta, int stockAfter, string reason, string byUserId, DateTime now)
    {
        var text = ReasonRule.Check(reason);
        if (text.ErrorKey("Stock.Error.ReasonRequired", "Stock.Error.ReasonTooLong") is { } error) throw new ShopRuleException(error);
        VariantId = variantId;
        Delta = delta;
        StockAfter = stockAfter;
        Reason = text.Value;
        ByUserId = byUserId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long VariantId { get; private set; }
    public int Delta { get; private set; }
    public int StockAfter { get; private set; }
    public string Reason { get; private set; } = "";
    public string ByUserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
