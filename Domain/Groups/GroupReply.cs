using RedMvc.Domain.Moderation;
namespace RedMvc.Domain.Groups;

/// <summary>
/// A reply in a thread, in time order, optionally quoting an earlier reply. Deleting by its author keeps
/// the row as a "deleted" placeholder with the text cleared, so quotes and the order stay; a
/// moderator's removal keeps the text for its author, who sees it with the reason.
/// </summary>
public class GroupReply
{
    private GroupReply() { }

    public long Id { get; private set; }
    public long ThreadId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Body { get; private set; } = "";
    public long? QuoteReplyId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? EditedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedReason { get; private set; }
    /// <summary>Screening held it for review: only its author sees it (marked) until staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }
    public int LikeCount { get; private set; }

    public bool IsDeleted => DeletedAt is not null;
    public bool IsRemoved => RemovedAt is not null;

    /// <summary>Gone for readers: deleted by the author or removed by a moderator.</summary>
    public bool IsGone => IsDeleted || IsRemoved;

    public static GroupReply To(long threadId, string authorId, string body, long? quoteReplyId, DateTime now) =>
        new() { ThreadId = threadId, AuthorId = authorId, Body = body, QuoteReplyId = quoteReplyId, CreatedAt = now };

    public bool MayEdit(string userId, TimeSpan window, DateTime now) =>
        userId == AuthorId && !IsGone && now - CreatedAt <= window;

    public void Remove(string? reason, DateTime now)
    {
        RemovedAt ??= now;
        RemovedReason = reason;
    }

    public void Restore() => (RemovedAt, RemovedReason) = (null, null);

    public void Edit(string body, DateTime now)
    {
        Body = body;
        EditedAt = now;
    }

    /// <summary>Each save is screened: held text keeps (or starts) the hold, text that passes ends it.</summary>
    public void Screen(ScreeningVerdict verdict, DateTime now) => HeldAt = verdict.Holds ? HeldAt ?? now : null;

    public void ApproveHeld() => HeldAt = null;
}
