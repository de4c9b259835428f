namespace RedMvc.Domain.Notifications;

public enum NotificationKind
{
    Comment = 1,
    Reply = 2,
    Mention = 3,
    Like = 4,
    Collect = 5,
    CommentLike = 6,
    Follow = 7,

    // Groups (issue 13): a reply to my thread or reply, an @mention in a thread or reply, a reply in a
    // thread I watch, my reply accepted as the answer, my join request approved, likes on my posts.
    GroupReply = 20,
    GroupMention = 21,
    WatchedThreadReply = 22,
    AnswerAccepted = 23,
    JoinApproved = 24,
    ThreadLike = 25,
    GroupReplyLike = 26,

    // From staff (issue 16), in the System tab; the actor is the staff member, shown as the site's team.
    ReportOutcome = 40,
    ContentRemoved = 41,
    PenaltyGiven = 42,
    AppealDecided = 43,
}

/// <summary>The three tabs of the notifications page (PRODUCT.md).</summary>
public enum NotificationTab
{
    Comments = 1,
    Likes = 2,
    Follows = 3,
    System = 4,
}

/// <summary>
/// Something another member did that the recipient should hear about. SubjectKey names what it is
/// about ("note:12", "comment:7", "user"); with recipient, kind and actor it is unique, so liking,
/// unliking and liking again notifies once.
/// </summary>
public class Notification
{
    private Notification() { }

    public long Id { get; private set; }
    public string RecipientId { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public NotificationTab Tab { get; private set; }
    public long? NoteId { get; private set; }
    public long? CommentId { get; private set; }

    /// <summary>Set on group notifications (issue 13): the group, and the thread and reply they are about.</summary>
    public long? GroupId { get; private set; }
    public long? ThreadId { get; private set; }
    public long? ReplyId { get; private set; }
    public string SubjectKey { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static NotificationTab TabOf(NotificationKind kind) => kind switch
    {
        NotificationKind.Comment or NotificationKind.Reply or NotificationKind.Mention
            or NotificationKind.GroupReply or NotificationKind.GroupMention or NotificationKind.WatchedThreadReply
            or NotificationKind.AnswerAccepted => NotificationTab.Comments,
        NotificationKind.Like or NotificationKind.Collect or NotificationKind.CommentLike
            or NotificationKind.ThreadLike or NotificationKind.GroupReplyLike => NotificationTab.Likes,
        NotificationKind.ReportOutcome or NotificationKind.ContentRemoved or NotificationKind.PenaltyGiven
            or NotificationKind.AppealDecided => NotificationTab.System,
        _ => NotificationTab.Follows,
    };

    public static bool IsFromStaff(NotificationKind kind) => TabOf(kind) == NotificationTab.System;

    /// <summary>A notice from staff; SubjectKey names what it is about ("report:Note:12", "penalty:3").</summary>
    public static Notification FromStaff(NotificationKind kind, string recipientId, string staffId, string subjectKey, long? noteId, long? commentId, DateTime now) => new()
    {
        Kind = kind,
        Tab = NotificationTab.System,
        RecipientId = recipientId,
        ActorId = staffId,
        NoteId = noteId,
        CommentId = commentId,
        SubjectKey = subjectKey,
        CreatedAt = now,
    };

    public static Notification About(NotificationKind kind, string recipientId, string actorId, long? noteId, long? commentId, DateTime now) => new()
    {
        Kind = kind,
        Tab = TabOf(kind),
        RecipientId = recipientId,
        ActorId = actorId,
        NoteId = noteId,
        CommentId = commentId,
        SubjectKey = commentId is { } c ? $"comment:{c}" : noteId is { } n ? $"note:{n}" : "user",
        CreatedAt = now,
    };

    /// <summary>About a group's thread or reply ("reply:7", "thread:3"), or the group itself ("group:2") for a join approval.</summary>
    public static Notification AboutGroup(NotificationKind kind, string recipientId, string actorId, long groupId, long? threadId, long? replyId, DateTime now) => new()
    {
        Kind = kind,
        Tab = TabOf(kind),
        RecipientId = recipientId,
        ActorId = actorId,
        GroupId = groupId,
        ThreadId = threadId,
        ReplyId = replyId,
        SubjectKey = replyId is { } r ? $"reply:{r}" : threadId is { } t ? $"thread:{t}" : $"group:{groupId}",
        CreatedAt = now,
    };
}
