using RedMvc.Domain.Groups;

namespace RedMvc.Web.Features.Groups;

/// <summary>A group as a card in the directory, on a profile and in headers.</summary>
public record GroupCard(long Id, string Name, string? Description, string Channel, bool IsPrivate, string? AvatarKey, int MemberCount, int ThreadCount, int WeeklyPosts)
{
    public AvatarView Avatar => new(Name, AvatarKey);
}

public record GroupDirectory(string? Channel, IReadOnlyList<GroupCard> Groups, IReadOnlyList<GroupCard> Mine, bool SignedIn);

/// <summary>A thread as a row of a group's list.</summary>
public record ThreadRow(long Id, string Title, ThreadKind Kind, AuthorView Author, int ReplyCount, int LikeCount, DateTime CreatedAt, DateTime LastActivityAt,
    bool IsPinned, bool IsClosed, bool IsAnswered);

/// <summary>What the viewer is in a group: nothing, a request, a member, a moderator or the owner; banned; muted until.</summary>
public record Standing(GroupMember? Membership, string? PostProblem, DateTime? MutedUntil)
{
    public bool IsMember => Membership is { IsActive: true };
    public bool IsPending => Membership is { Status: MemberStatus.Pending };
    public bool IsBanned => Membership is { Status: MemberStatus.Banned };
    public bool IsModerator => Membership is { IsModerator: true };
    public bool IsOwner => Membership is { IsActive: true, Role: GroupRole.Owner };
    public bool MayPost => PostProblem is null;
}

public record GroupPage(GroupCard Group, string? Rules, string? CoverKey, IReadOnlyList<int> CoverWidths, int SlowModeMinutes, IReadOnlyList<AuthorView> Moderators, Standing Viewer, bool SignedIn,
    ThreadSort Sort, IReadOnlyList<ThreadRow> Pinned, IReadOnlyList<ThreadRow> Threads, string? NextCursor, int PendingRequests, int OpenReports);

public record PhotoItem(int Width, int Height, string? DominantColor, string? ContentHash, IReadOnlyList<int> Widths, bool IsReady, string Alt)
{
    public PhotoView View => new(0, IsReady ? PhotoStatus.Ready : PhotoStatus.Pending, null, Width, Height, DominantColor, ContentHash, Widths, Alt);
}

/// <summary>The reply a reply quotes: who wrote it and the start of its text (null when it is gone).</summary>
public record QuoteView(long Id, string AuthorName, string? Excerpt);

public record ReplyView(long Id, AuthorView Author, string Body, QuoteView? Quote, DateTime CreatedAt, DateTime? EditedAt, bool IsDeleted, bool IsRemoved,
    string? RemovedReason, int LikeCount, bool ViewerLiked, bool CanEdit, bool CanDelete, bool IsAccepted)
{
    /// <summary>Screening holds it for review; only its author gets it, marked.</summary>
    public bool HeldForReview { get; init; }
}

public record ThreadPage(GroupCard Group, long ThreadId, string Title, string Body, ThreadKind Kind, AuthorView Author, DateTime CreatedAt, DateTime? EditedAt,
    bool IsPinned, DateTime? PinnedUntil, bool IsClosed, bool IsRemoved, string? RemovedReason, int ReplyCount, int LikeCount, bool ViewerLiked, WatchLevel? Watch,
    IReadOnlyList<PhotoItem> Photos, ReplyView? Accepted, IReadOnlyList<ReplyView> Replies, long? OlderCursor, long? NewerCursor, long? FirstUnreadAfter,
    IReadOnlySet<string> KnownHandles, Standing Viewer, bool SignedIn, bool CanEdit, IReadOnlyList<GroupCard> MoveTargets)
{
    /// <summary>Screening holds the thread for review; only its author gets this far, and is told it waits.</summary>
    public bool HeldForReview { get; init; }
}

public record MemberRow(AuthorView Member, GroupRole Role, MemberStatus Status, DateTime? MutedUntil, DateTime CreatedAt);

public record MembersPage(GroupCard Group, Standing Viewer, IReadOnlyList<MemberRow> Members, IReadOnlyList<MemberRow> Requests, IReadOnlyList<MemberRow> Banned, int SlowModeMinutes);

public record LogRow(AuthorView Moderator, ModerationKind Kind, AuthorView? Target, long? ThreadId, string? ThreadTitle, string? Reason, DateTime At);

public record LogPage(GroupCard Group, IReadOnlyList<LogRow> Actions, long? OlderThan);

public record ReportRow(long Id, AuthorView Reporter, RedMvc.Domain.Moderation.ReportTarget Target, long ThreadId, long? ReplyId, string? Excerpt, RedMvc.Domain.Moderation.ReportCategory Category, string? Details, DateTime At);

public record ReportsPage(GroupCard Group, IReadOnlyList<ReportRow> Reports);
