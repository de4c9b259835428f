using System.Globalization;

namespace RedMvc.Web.Infrastructure;

/// <summary>Prices are stored as fen (long); people read and type yuan with two decimals.</summary>
public static class Money
{
    /// <summary>"¥129.00".</summary>
    public static string Yuan(long fen) => "¥" + Amount(fen);

    /// <summary>"129.00", as a form field shows it.</summary>
    public static string Amount(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Reads "129", "129.5" or "129.00" (also "¥129" and "1,299.00") as fen; null for anything else, such as three decimals.</summary>
    public static long? ParseYuan(string? text)
    {
        var cleaned = (text ?? "").Trim().TrimStart('¥', '￥').Replace(",", "").Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)) return null;
        var fen = yuan * 100;
        if (fen != decimal.Truncate(fen) || fen > 100_000_000_00m) return null;
        return (long)fen;
    }
}
