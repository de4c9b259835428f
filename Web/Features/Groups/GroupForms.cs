using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;

namespace RedMvc.Web.Features.Groups;

/// <summary>Creating or editing a group; the pictures are optional files checked like any upload.</summary>
public class GroupForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Rules { get; set; }
    public string? Channel { get; set; }
    public bool IsPrivate { get; set; }
    public IFormFile? Avatar { get; set; }
    public IFormFile? Cover { get; set; }

    public GroupInput ToInput() => new(Name, Description, Rules, Channel, IsPrivate);
}

public record GroupFormPage(GroupForm Form, long? GroupId, GroupLimits Limits);

/// <summary>Starting a thread: kind, title, body and up to MaxPhotos photos.</summary>
public class ThreadForm
{
    public ThreadKind Kind { get; set; } = ThreadKind.Discussion;
    public string? Title { get; set; }
    public string? Body { get; set; }
    public List<IFormFile> Photos { get; set; } = [];
}

public record ThreadFormPage(ThreadForm Form, GroupCard Group, long? ThreadId, GroupLimits Limits);

public class ReplyForm
{
    public string? Body { get; set; }

    /// <summary>The reply being quoted; empty for a reply to the thread itself.</summary>
    public long? QuoteReplyId { get; set; }
}

public record ReplyFormPage(long ThreadId, long ReplyId, string? Body, GroupLimits Limits);

/// <summary>A moderator's act on a member: who, for how long (muting, in days) and why.</summary>
public class MemberActionForm
{
    public string? UserId { get; set; }
    public int? Days { get; set; }
    public string? Reason { get; set; }
}

public class PinForm
{
    /// <summary>The last day it stays pinned (the reader's date); empty pins for good.</summary>
    public DateOnly? Until { get; set; }
}

public class ReportForm
{
    public ReportCategory Category { get; set; }
    public string? Details { get; set; }
}
