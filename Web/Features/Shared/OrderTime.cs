namespace RedMvc.Web.Features.Shared;

/// <summary>Order times as the site's buyers read them: China time (UTC+8), to the minute.</summary>
public static class OrderTime
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Show(DateTime utc) =>
        (utc + ChinaOffset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
