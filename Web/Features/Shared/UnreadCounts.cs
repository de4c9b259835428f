using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Shared;

/// <summary>A member's unread notifications per tab.</summary>
public record UnreadCounts(IReadOnlyDictionary<NotificationTab, int> ByTab)
{
    public int Total => ByTab.Values.Sum();

    public int this[NotificationTab tab] => ByTab.GetValueOrDefault(tab);

    /// <summary>What a badge shows; callers hide it at 0.</summary>
    public static string Badge(int count) => count > 99 ? "99+" : count.ToString();
}
