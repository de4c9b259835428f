using System.Globalization;

namespace RedMvc.Web.Infrastructure;

/// <summary>Prices are stored in fen (long); pages show yuan with two decimals.</summary>
public static class Money
{
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>"129", "129.9" or "129.00" (optionally with ¥) to fen; null when it is not a price.</summary>
    public static long? ParseYuan(string? text)
    {
        var trimmed = (text ?? "").Trim().TrimStart('¥', '￥').Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)) return null;
        if (decimal.Round(yuan, 2) != yuan || yuan < 0 || yuan > 10_000_000m) return null;
        return (long)(yuan * 100);
    }
}
