using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Notifications;

[Authorize]
public class NotificationsController(AppDbContext db, NotificationQueries queries, TimeProvider clock) : Controller
{
    private string ViewerId => User.Id()!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Opening a tab reads it: the page keeps the unread highlight it was built with, then the tab's
    /// notifications up to the newest shown are marked read (so the counts in the bar drop).
    /// </summary>
    [HttpGet("/notifications")]
    public async Task<IActionResult> Index(string? tab, long? older)
    {
        var which = NotificationTabs.Parse(tab);
        var (page, newestId) = await queries.PageAsync(ViewerId, which, older);
        if (older is null && newestId is not null) await Notifier.MarkReadAsync(db, ViewerId, which, newestId, Now);
        return View(page);
    }

    [HttpPost("/notifications/read")]
    public async Task<IActionResult> MarkAllRead(string? tab)
    {
        await Notifier.MarkReadAsync(db, ViewerId, null, null, Now);
        return Redirect($"/notifications?tab={NotificationTabs.Slug(NotificationTabs.Parse(tab))}");
    }
}
