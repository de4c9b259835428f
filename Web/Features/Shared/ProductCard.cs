namespace RedMvc.Web.Features.Shared;

/// <summary>A product in a grid: the cover and the lowest price (with its compare-at price).</summary>
public record ProductCard(long Id, string Title, long PriceFen, long? CompareAtFen, PhotoView? Cover, bool SoldOut);
