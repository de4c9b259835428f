using System.Globalization;

namespace RedMvc.Web.Infrastructure;

/// <summary>Money is stored as fen (long); pages show yuan with two decimals, "¥129.00", in every language.</summary>
public static class Money
{
    public static string Yuan(long fen) =>
        (fen < 0 ? "-¥" : "¥") + (Math.Abs(fen) / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
