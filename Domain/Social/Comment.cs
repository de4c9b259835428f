using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Social;

/// <summary>
/// A comment on a note, two levels deep: a reply to a reply joins the same top-level thread and
/// remembers whom it answers. Deleting keeps the row (replies still hang on it) but clears the text.
/// </summary>
public class Comment
{
    public const int BodyMaxLength = 500;
    public static readonly TextRule BodyRule = TextRule.Lines(BodyMaxLength, required: true);

    private Comment() { }

    private Comment(long noteId, string authorId, string body, long? parentId, string? replyToUserId, DateTime now)
    {
        var text = BodyRule.Check(body);
        if (text.ErrorKey("Comment.Error.Empty", "Comment.Error.TooLong") is { } error) throw new NoteRuleException(error);
        NoteId = noteId;
        AuthorId = authorId;
        Body = text.Value;
        ParentId = parentId;
        ReplyToUserId = replyToUserId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long NoteId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Body { get; private set; } = "";

    /// <summary>The top-level comment this one replies under; null for a top-level comment.</summary>
    public long? ParentId { get; private set; }
    public string? ReplyToUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }

    /// <summary>Stored for speed; changed only with the comment-like rows, in one transaction.</summary>
    public int LikeCount { get; private set; }

    /// <summary>Staff removed it: its author still sees it with the reason; everyone else sees nothing of it.</summary>
    public DateTime? RemovedAt { get; private set; }
    public ReportCategory? RemovalRule { get; private set; }
    public string? RemovalReason { get; private set; }
    /// <summary>Screening held it for review: only its author sees it (marked) until staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public bool IsRemoved => RemovedAt is not null;

    public void RemoveByStaff(ReportCategory rule, string reason, DateTime now) => (RemovedAt, RemovalRule, RemovalReason) = (now, rule, reason);

    public void RestoreByStaff() => (RemovedAt, RemovalRule, RemovalReason) = (null, null, null);

    /// <summary>Each save is screened: held text keeps (or starts) the hold, text that passes ends it.</summary>
    public void Screen(ScreeningVerdict verdict, DateTime now) => HeldAt = verdict.Holds ? HeldAt ?? now : null;

    public void ApproveHeld() => HeldAt = null;

    public static Comment OnNote(long noteId, string authorId, string body, DateTime now) =>
        new(noteId, authorId, body, null, null, now);

    /// <summary>Replying to a reply keeps the thread two levels deep: it goes under the same top-level comment.</summary>
    public static Comment ReplyTo(Comment target, string authorId, string body, DateTime now)
    {
        if (target.IsDeleted) throw new NoteRuleException("Comment.Error.Deleted");
        return new(target.NoteId, authorId, body, target.ParentId ?? target.Id, target.AuthorId, now);
    }

    /// <summary>The comment's author, or the note's author (on their own note), may delete it.</summary>
    public bool CanBeDeletedBy(string userId, string noteAuthorId) => userId == AuthorId || userId == noteAuthorId;

    public void Delete(DateTime now)
    {
        if (IsDeleted) return;
        DeletedAt = now;
        Body = "";
    }
}
