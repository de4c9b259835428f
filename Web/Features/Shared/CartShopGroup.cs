namespace RedMvc.Web.Features.Shared;

/// <summary>One shop's lines: each shop ships its own order with its own shipping fee.</summary>
public record CartShopGroup(long ShopId, string ShopName, string ShopHandle, IReadOnlyList<CartLineView> Lines)
{
    public long SubtotalFen => Lines.Where(l => l.CanBuy).Sum(l => l.LineTotalFen);
}
