using System.Globalization;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// Prices are stored in fen (long). Pages and emails show them one way, as Chinese shops do: the yuan
/// sign, whole yuan without thousands separators, always two decimals ("¥1234.50"), so the price a
/// buyer reads is the price a brand typed.
/// </summary>
public static class Money
{
    /// <summary>"¥129.00", "¥1234.50", "-¥5.00".</summary>
    public static string Yuan(long fen) => (fen < 0 ? "-¥" : "¥") + Amount(Math.Abs(fen));

    /// <summary>"129.00", as a price field shows it for editing.</summary>
    public static string Amount(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"129", "129.9" or "129.00" (optionally with ¥) to fen; null when it is not a price.</summary>
    public static long? ParseYuan(string? text)
    {
        var trimmed = (text ?? "").Trim().TrimStart('¥', '￥').Trim();
        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)) return null;
        if (decimal.Round(yuan, 2) != yuan || yuan < 0 || yuan > 10_000_000m) return null;
        return (long)(yuan * 100);
    }
}
