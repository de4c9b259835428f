using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Notifications;

/// <summary>The tabs as they appear in addresses: /notifications?tab=comments|likes|follows.</summary>
public static class NotificationTabs
{
    public static readonly NotificationTab[] All = [NotificationTab.Comments, NotificationTab.Likes, NotificationTab.Follows, NotificationTab.System];

    public static NotificationTab Parse(string? slug) => slug switch
    {
        "likes" => NotificationTab.Likes,
        "follows" => NotificationTab.Follows,
        "system" => NotificationTab.System,
        _ => NotificationTab.Comments,
    };

    public static string Slug(NotificationTab tab) => tab switch
    {
        NotificationTab.Likes => "likes",
        NotificationTab.Follows => "follows",
        NotificationTab.System => "system",
        _ => "comments",
    };
}

public record NoteLink(long Id, string Title, PhotoView? Cover);

/// <summary>What a group notification is about: a thread (and a reply in it), or for a join approval the group.</summary>
public record GroupPostLink(long GroupId, string GroupName, long? ThreadId, string? ThreadTitle, long? ReplyId)
{
    public string Href => ReplyId is { } reply ? $"/groups/threads/{ThreadId}?after={reply - 1}#reply-{reply}"
        : ThreadId is { } thread ? $"/groups/threads/{thread}"
        : $"/groups/{GroupId}";

    /// <summary>The thread's title, or the group's name when the notification is about the group.</summary>
    public string Title => ThreadTitle ?? GroupName;
}

/// <summary>
/// One row of the page: a single notification, or on the likes tab everyone who did the same thing
/// to the same note or comment. Actors are the latest first, at most three.
/// </summary>
public record NotificationItem(NotificationKind Kind, IReadOnlyList<AuthorView> Actors, int ActorCount, bool Unread, DateTime At,
    NoteLink? Note, long? CommentId, string? CommentExcerpt, bool ViewerFollowsActor, GroupPostLink? Post = null)
{
    public AuthorView Actor => Actors[0];

    /// <summary>Notices from staff lead to the member's standing page, where the decision and the reason are.</summary>
    public bool FromStaff => Notification.IsFromStaff(Kind);

    public string Href => FromStaff ? "/settings/standing"
        : Post is not null ? Post.Href
        : Note is null ? $"/u/{Actor.Handle}"
        : CommentId is { } commentId ? $"/notes/{Note.Id}#comment-{commentId}"
        : $"/notes/{Note.Id}";
}

/// <summary>Newest first; OlderThan is the keyset of the next page.</summary>
public record NotificationsPage(NotificationTab Tab, IReadOnlyList<NotificationItem> Items, long? OlderThan);
