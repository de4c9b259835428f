using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Shared;

/// <summary>
/// The signed-in member's unread counts: one grouped query per request (on the index
/// RecipientId, Tab, ReadAt), shared by the top bar and the notifications page.
/// </summary>
public class UnreadNotifications(AppDbContext db)
{
    private UnreadCounts? _counts;

    public async Task<UnreadCounts> OfAsync(string memberId) =>
        _counts ??= new UnreadCounts(await db.Notifications
            .Where(n => n.RecipientId == memberId && n.ReadAt == null)
            .GroupBy(n => n.Tab)
            .Select(g => new { Tab = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Tab, g => g.Count));
}
