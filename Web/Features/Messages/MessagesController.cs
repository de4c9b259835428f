using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Messages;

public class ReportForm
{
    public ReportCategory? Category { get; set; }
    public string? Details { get; set; }
}

/// <summary>
/// Private messages. Every conversation id is checked against the member's own side of it: anyone
/// outside a conversation gets the same 404 as for an id that does not exist. Pages work as plain
/// forms and reloads; messages.js adds live delivery on top (the same POST, answered in JSON).
/// </summary>
[Authorize, Route("messages")]
public class MessagesController(AppDbContext db, MessageQueries queries, MessagePush push, MessageUploads uploads, IOptions<MessageLimits> limits,
    Screening screening, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string MemberId => User.Id()!;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private MessageLimits Limits => limits.Value;

    [HttpGet("")]
    public async Task<IActionResult> Index(long? before) => View("Index", await queries.ListAsync(MemberId, requests: false, before));

    [HttpGet("requests")]
    public async Task<IActionResult> Requests(long? before) => View("Index", await queries.ListAsync(MemberId, requests: true, before));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id, long? before)
    {
        var side = await queries.SideAsync(id, MemberId);
        return side is null ? NotFound() : await ConversationAsync(side, before, new MessageForm(), error: null);
    }

    /// <summary>The conversation with a member, or an empty one to write the first message in.</summary>
    [HttpGet("to/{handle}")]
    public async Task<IActionResult> To(string handle)
    {
        var other = await MemberByHandleAsync(handle);
        if (other is null) return NotFound();
        if (other.Id == MemberId) return Redirect("/messages");
        if (await Messaging.FindAsync(db, MemberId, other.Id) is { } id && await queries.SideAsync(id, MemberId) is not null) return Redirect($"/messages/{id}");
        return await FirstMessageAsync(other, new MessageForm(), error: null);
    }

    [HttpPost("to/{handle}"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Messaging), NotWhileMuted]
    public async Task<IActionResult> SendTo(string handle, MessageForm form)
    {
        var other = await MemberByHandleAsync(handle);
        if (other is null || other.Id == MemberId) return NotFound();
        return await SendAsync(other.Id, form, card: null,
            error => FirstMessageAsync(other, form, error));
    }

    [HttpPost("{id:long}"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Messaging), NotWhileMuted]
    public async Task<IActionResult> Send(long id, MessageForm form)
    {
        var side = await queries.SideAsync(id, MemberId);
        if (side is null) return NotFound();
        return await SendAsync(side.OtherMemberId, form, card: null, error => ConversationAsync(side, null, form, error));
    }

    /// <summary>What a page that lost its connection (or heard of a new message) lacks: the messages after the last one it shows.</summary>
    [HttpGet("{id:long}/after/{messageId:long}")]
    public async Task<IActionResult> After(long id, long messageId)
    {
        var side = await queries.SideAsync(id, MemberId);
        if (side is null) return NotFound();
        var messages = await queries.AfterAsync(side, messageId);
        if (messages.Count > 0) await MarkReadAsync(side, messages[^1].Id);
        return PartialView("_Messages", messages);
    }

    [HttpPost("{id:long}/delete")]
    public async Task<IActionResult> Delete(long id)
    {
        var side = await queries.SideAsync(id, MemberId);
        if (side is null) return NotFound();
        await Messaging.DeleteForMemberAsync(db, id, MemberId);
        if (side.HasUnread) await push.UnreadChangedAsync(MemberId);
        this.Flash(t["Messages.Deleted"]);
        return Redirect("/messages");
    }

    [HttpGet("{id:long}/report/{messageId:long}")]
    public async Task<IActionResult> Report(long id, long messageId)
    {
        var message = await ReportableAsync(id, messageId);
        return message is null ? NotFound() : View("Report", new ReportPage(id, messageId, message.Body, null));
    }

    [HttpPost("{id:long}/report/{messageId:long}"), EnableRateLimiting(RateLimits.Reporting)]
    public async Task<IActionResult> Report(long id, long messageId, ReportForm form)
    {
        var message = await ReportableAsync(id, messageId);
        if (message is null) return NotFound();
        var error = form.Category is not { } category || !Enum.IsDefined(category)
            ? "Message.Report.ChooseCategory"
            : await Domain.Moderation.Report.FileAsync(db, MemberId, ReportTarget.Message, messageId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                message.SenderId, null, category, form.Details, Now);
        if (error is not null)
        {
            return View("Report", new ReportPage(id, messageId, message.Body, t[error, Domain.Moderation.Report.DetailsMaxLength]));
        }
        this.Flash(t["Message.Report.Filed"]);
        return Redirect($"/messages/{id}");
    }

    /// <summary>"Send to": a note or product the member may see, to a recent conversation or someone they follow.</summary>
    [HttpGet("share")]
    public async Task<IActionResult> Share(long? note, long? product)
    {
        if (CardOf(note, product) is not { } card || await queries.CardTitleAsync(card, MemberId) is not { } title) return NotFound();
        var (recent, followed) = await queries.RecipientsAsync(MemberId);
        return View("Share", new SharePage(card, title, recent, followed));
    }

    [HttpPost("share"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Messaging), NotWhileMuted]
    public async Task<IActionResult> Share(string? to, long? note, long? product)
    {
        if (CardOf(note, product) is not { } card || await queries.CardTitleAsync(card, MemberId) is null) return NotFound();
        var other = await MemberByHandleAsync(to);
        if (other is null || other.Id == MemberId) return NotFound();
        return await SendAsync(other.Id, new MessageForm(), card, error =>
        {
            this.Flash(error);
            return Task.FromResult<IActionResult>(Redirect(card.Kind == MessageCardKind.Note ? $"/messages/share?note={card.Id}" : $"/messages/share?product={card.Id}"));
        });
    }

    /// <summary>
    /// Checks, stores and pushes one message. Refusals change nothing: a script gets 400 with the reason,
    /// a form gets its page again with the reason and the text kept.
    /// </summary>
    private async Task<IActionResult> SendAsync(string recipientId, MessageForm form, MessageCard? card, Func<string, Task<IActionResult>> refused)
    {
        var photos = MessageUploads.Chosen(form.Photos);
        var draft = new MessageDraft(form.Body, photos.Count, card);
        var error = await Messaging.ProblemAsync(db, MemberId, recipientId, draft, Limits, Now) is { } key ? ErrorText(key)
            : await uploads.ProblemAsync(photos, HttpContext.RequestAborted);
        var screened = await screening.JudgeAsync(db, form.Body);
        if (error is null && screened.Blocks) error = t[ScreeningVerdict.BlockedKey, screened.Phrase!];
        Message? message = null;
        if (error is null)
        {
            var keys = await uploads.StoreAsync(photos, HttpContext.RequestAborted);
            try
            {
                message = await Messaging.SendAsync(db, MemberId, recipientId, draft, keys, Limits, Now, screened);
            }
            catch (MessageRuleException rule)
            {
                error = ErrorText(rule.Key); // changed between the check and the save (a block, a second tab)
            }
            if (message is not null && keys.Count > 0) uploads.Process(message.Id);
        }
        if (message is null)
        {
            if (WantsJson) return BadRequest(new { error });
            return await refused(error!);
        }
        await push.SentAsync(message);
        if (WantsJson) return Json(new { conversationId = message.ConversationId, messageId = message.Id });
        return Redirect($"/messages/{message.ConversationId}#m{message.Id}");
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private string ErrorText(string key) => key switch
    {
        "Message.Error.TooLong" => t[key, Limits.BodyMaxLength],
        "Message.Error.TooManyPhotos" => t[key, Limits.MaxPhotos],
        "Message.Error.WaitForReply" => t[key, Limits.StrangerMessages],
        "Message.Error.TooManyNewConversations" => t[key, Limits.NewConversationsPerDay],
        _ => t[key],
    };

    private async Task<IActionResult> ConversationAsync(ConversationMember side, long? before, MessageForm form, string? error)
    {
        var other = await queries.CorrespondentAsync(side.OtherMemberId);
        var (messages, earlier) = await queries.PageAsync(side, before);
        if (before is null && messages.Count > 0) await MarkReadAsync(side, messages[^1].Id);
        var cannotSend = other.IsGone ? "Message.Error.RecipientGone" : await Messaging.GateAsync(db, MemberId, other.Id, Limits, Now);
        var isRequest = !await Messaging.AcceptsAsync(db, MemberId, side.OtherMemberId, side.ConversationId);
        return View("Show", new ConversationPage(side.ConversationId, other, messages, earlier, await queries.SeenAsync(side), isRequest,
            cannotSend is null ? null : ErrorText(cannotSend), form, error));
    }

    private async Task<IActionResult> FirstMessageAsync(AuthorView other, MessageForm form, string? error)
    {
        var cannotSend = await Messaging.GateAsync(db, MemberId, other.Id, Limits, Now);
        return View("Show", new ConversationPage(null, new Correspondent(other.Id, other), [], null, null, false,
            cannotSend is null ? null : ErrorText(cannotSend), form, error));
    }

    private async Task MarkReadAsync(ConversationMember side, long upToId)
    {
        if (upToId <= side.LastReadMessageId) return;
        await Messaging.MarkReadAsync(db, side.ConversationId, MemberId, upToId);
        await push.ReadAsync(side, upToId);
    }

    /// <summary>A member by handle, or null when there is none, their account is gone, or a block stands either way.</summary>
    private async Task<AuthorView?> MemberByHandleAsync(string? handle)
    {
        var normalized = AppUser.NormalizeHandle(handle);
        if (normalized.Length == 0) return null;
        var member = await db.Users.AsNoTracking().Where(u => u.Handle == normalized)
            .Select(u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey)).SingleOrDefaultAsync();
        if (member is null || AccountErasure.IsTombstone(member.Handle) || await Blocking.EitherBlockedAsync(db, MemberId, member.Id)) return null;
        return member;
    }

    /// <summary>A message the member may report: in their conversation, not deleted for them, written by the other.</summary>
    private async Task<Message?> ReportableAsync(long conversationId, long messageId)
    {
        var side = await queries.SideAsync(conversationId, MemberId);
        if (side is null) return null;
        return await db.Messages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == messageId && m.ConversationId == conversationId && m.Id > side.DeletedUpToId && m.SenderId == side.OtherMemberId);
    }

    private static MessageCard? CardOf(long? note, long? product) =>
        note is { } noteId ? new MessageCard(MessageCardKind.Note, noteId)
        : product is { } productId ? new MessageCard(MessageCardKind.Product, productId)
        : null;
}
