using RedMvc.Domain.Moderation;
namespace RedMvc.Domain.Groups;

/// <summary>
/// A thread in a group: a title, a body with photos, and replies in time order. Pinned threads lead the
/// list until PinnedUntil (for good when that is null); a closed thread takes no replies; a moderator's
/// removal hides it from everyone but its author, who sees the reason.
/// </summary>
public class GroupThread
{
    private readonly List<GroupThreadPhoto> _photos = [];

    private GroupThread() { }

    public long Id { get; private set; }
    public long GroupId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public ThreadKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? EditedAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }
    public DateTime? RemovedAt { get; private set; }
    public string? RemovedReason { get; private set; }
    /// <summary>Screening held it for review: only its author sees it (marked) until staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }
    public DateTime? PinnedAt { get; private set; }
    public DateTime? PinnedUntil { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public long? AcceptedReplyId { get; private set; }

    /// <summary>Replies neither deleted nor removed; changed with the reply rows in one transaction.</summary>
    public int ReplyCount { get; private set; }
    public int LikeCount { get; private set; }

    /// <summary>The newest reply's time (the thread's own at first): "latest" order.</summary>
    public DateTime LastActivityAt { get; private set; }

    /// <summary>Recent likes and replies with time decay, written by the activity job.</summary>
    public double HotScore { get; private set; }

    public IReadOnlyList<GroupThreadPhoto> Photos => _photos;

    public bool IsClosed => ClosedAt is not null;
    public bool IsRemoved => RemovedAt is not null;
    public bool IsDeleted => DeletedAt is not null;
    public bool IsPinned(DateTime now) => PinnedAt is not null && (PinnedUntil is null || PinnedUntil > now);

    public static GroupThread Start(long groupId, string authorId, ThreadKind kind, string title, string body, DateTime now)
    {
        if (!Enum.IsDefined(kind)) throw new GroupRuleException("Group.Error.Kind");
        return new GroupThread { GroupId = groupId, AuthorId = authorId, Kind = kind, Title = title, Body = body, CreatedAt = now, LastActivityAt = now };
    }

    /// <summary>The author edits within the window; closing the thread or removing it ends editing.</summary>
    public bool MayEdit(string userId, TimeSpan window, DateTime now) =>
        userId == AuthorId && !IsDeleted && !IsRemoved && !IsClosed && now - CreatedAt <= window;

    /// <summary>A reply's author edits it within the window while its thread is open.</summary>
    public bool MayEditReply(GroupReply reply, string userId, TimeSpan window, DateTime now) =>
        !IsClosed && reply.MayEdit(userId, window, now);

    public void Edit(string title, string body, DateTime now)
    {
        Title = title;
        Body = body;
        EditedAt = now;
    }

    public void AddPhoto(GroupThreadPhoto photo) => _photos.Add(photo);

    public void Pin(DateTime? until, DateTime now)
    {
        if (until is { } u && u <= now) throw new GroupRuleException("Group.Error.PinUntil");
        PinnedAt = now;
        PinnedUntil = until;
    }

    public void Unpin() => (PinnedAt, PinnedUntil) = (null, null);

    public void Close(DateTime now) => ClosedAt ??= now;

    public void Reopen() => ClosedAt = null;

    public void Remove(string? reason, DateTime now)
    {
        RemovedAt ??= now;
        RemovedReason = reason;
    }

    /// <summary>Staff overturned a removal (theirs or a group moderator's): the thread is back as it was.</summary>
    public void Restore() => (RemovedAt, RemovedReason) = (null, null);

    /// <summary>Each save is screened: held text keeps (or starts) the hold, text that passes ends it.</summary>
    public void Screen(ScreeningVerdict verdict, DateTime now) => HeldAt = verdict.Holds ? HeldAt ?? now : null;

    public void ApproveHeld() => HeldAt = null;

    public void MoveTo(long groupId)
    {
        GroupId = groupId;
        Unpin();
    }

    /// <summary>On a question, its author or a moderator marks one reply as the answer; marking it again takes it back.</summary>
    public void Accept(long? replyId)
    {
        if (Kind != ThreadKind.Question) throw new GroupRuleException("Group.Error.NotQuestion");
        AcceptedReplyId = replyId;
    }
}
