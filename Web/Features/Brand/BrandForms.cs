namespace RedMvc.Web.Features.Brand;

public class ShopForm
{
    public string Name { get; set; } = "";
    public string? Description { get; set; }
}

/// <summary>
/// Creating or editing a product. Variants are rows: existing ones (with Id) can be repriced, blank
/// rows add new ones; a row without a price is left out, so the form works without script.
/// </summary>
public class ProductForm
{
    /// <summary>Blank variant rows offered on each visit of the form.</summary>
    public const int BlankRows = 4;

    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Category { get; set; } = "";
    public List<IFormFile> Photos { get; set; } = [];
    public List<long> RemovePhotoIds { get; set; } = [];
    public List<VariantRow> Variants { get; set; } = [];
}

public class VariantRow
{
    public long? Id { get; set; }
    public string? Name { get; set; }

    /// <summary>Yuan as typed, "129.00".</summary>
    public string? Price { get; set; }
    public string? CompareAt { get; set; }

    /// <summary>Initial stock of a new variant; existing stock changes only through adjustments.</summary>
    public int? Stock { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(Price) && string.IsNullOrWhiteSpace(Name);
}

/// <summary>TakedownReason: why staff took the product down (a taken-down product without one is withheld with its suspended shop).</summary>
public record ProductFormPage(ProductForm Form, long? ProductId, ProductStatus? Status, IReadOnlyList<PhotoView> Photos,
    IReadOnlyDictionary<long, int> StockByVariant, int MaxPhotos, string? TakedownReason);

public record BrandProductRow(long Id, string Title, ProductStatus Status, PhotoView? Cover, int Variants, long? LowestPriceFen, int Stock, string? TakedownReason);

/// <summary>SuspendedAt and SuspensionReason: staff suspended the shop (its products are withheld meanwhile).</summary>
public record BrandDashboard(long ShopId, ShopCard Shop, string? Description, string Tab, IReadOnlyList<BrandProductRow> Products,
    int Drafts, int Active, int Archived, int TakenDown, int OrdersToShip, int ReturnsToReview, DateTime? SuspendedAt, string? SuspensionReason);

public record StockRow(long VariantId, string Name, int Stock);

public record LedgerRow(DateTime At, string VariantName, int Delta, int StockAfter, string Reason, string ByName);

public record StockPage(long ProductId, string Title, IReadOnlyList<StockRow> Variants, IReadOnlyList<LedgerRow> Ledger);

public record BrandOrderLine(string Title, string VariantName, int Quantity, long UnitPriceFen);

public record BrandOrderRow(long Id, string Number, OrderStatus Status, DateTime PlacedAt, long TotalFen, ShippingAddress Address,
    IReadOnlyList<BrandOrderLine> Lines, string? ReturnReason, string? Carrier, string? TrackingNumber);

public record BrandOrdersPage(IReadOnlyList<BrandOrderRow> ToShip, IReadOnlyList<BrandOrderRow> Returns, IReadOnlyList<BrandOrderRow> Recent);
