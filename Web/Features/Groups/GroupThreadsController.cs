using Microsoft.AspNetCore.RateLimiting;
using System.Globalization;
using Hangfire;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Groups;

/// <summary>
/// Threads and replies: start, read (keyset pages, jump to the first unread), reply with a quote, edit
/// within the window, delete, like, watch or mute, accept an answer, report. A thread the viewer may not
/// see (GroupAccess.SeeThreadAsync) is the same 404 as a wrong id on every route.
/// </summary>
public class GroupThreadsController(
    AppDbContext db,
    GroupQueries queries,
    IOptions<GroupLimits> groupLimits,
    IBackgroundJobClient jobs,
    Screening screening,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>This request's screening verdict: a blocked post's message names the phrase.</summary>
    private ScreeningVerdict _screened;

    private const string Views = "/Features/Groups/";
    private GroupLimits Limits => groupLimits.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string? ViewerId => User.Id();

    [HttpGet("/groups/{id:long}/threads/new"), Authorize(Policy = Policies.ConfirmedEmail)]
    public async Task<IActionResult> New(long id)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null) return NotFound();
        if (GroupAccess.PostProblem(group, membership, Now) is { } problem) return Refused(id, problem, group, membership);
        return View(Views + "NewThread.cshtml", new ThreadFormPage(new ThreadForm(), GroupQueries.ToCard(group), null, Limits));
    }

    [HttpPost("/groups/{id:long}/threads/new"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.GroupThreads), NotWhileMuted]
    [RequestFormLimits(MultipartBodyLengthLimit = 210 * 1024 * 1024), RequestSizeLimit(210 * 1024 * 1024)]
    public async Task<IActionResult> New(long id, ThreadForm form, [FromServices] UploadInspector inspector, [FromServices] IOptions<UploadLimits> uploadLimits, [FromServices] IFileStore files)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null) return NotFound();
        if (GroupAccess.PostProblem(group, membership, Now) is { } problem) return Refused(id, problem, group, membership);
        var page = new ThreadFormPage(form, GroupQueries.ToCard(group), null, Limits);
        foreach (var (field, error) in new PostInput(form.Title, form.Body).Check(Limits, withTitle: true).Problems)
            ModelState.AddModelError(field, Message(error));
        if (!Enum.IsDefined(form.Kind)) ModelState.AddModelError(nameof(ThreadForm.Kind), t["Group.Error.Kind"]);
        var uploads = form.Photos.Where(f => f.Length > 0).ToList();
        if (uploads.Count > Limits.MaxPhotos) ModelState.AddModelError(nameof(ThreadForm.Photos), t["Group.Error.TooManyPhotos", Limits.MaxPhotos]);
        if (!ModelState.IsValid) return View(Views + "NewThread.cshtml", page);
        foreach (var upload in uploads)
        {
            var inspection = await inspector.InspectAsync(upload, uploadLimits.Value, HttpContext.RequestAborted);
            if (!inspection.IsAcceptable)
            {
                ModelState.AddModelError(nameof(ThreadForm.Photos), $"{upload.FileName}: {t.UploadMessage(inspection.Problem, uploadLimits.Value)}");
                return View(Views + "NewThread.cshtml", page);
            }
        }
        var keys = new List<string>();
        foreach (var upload in uploads) keys.Add(await files.SaveOriginalAsync(upload, "groups", HttpContext.RequestAborted));
        try
        {
            var thread = await GroupPosting.StartThreadAsync(db, group, membership, ViewerId!, form.Kind, new PostInput(form.Title, form.Body), keys, Limits, Now,
                await ScreenAsync(form.Title, form.Body));
            if (keys.Count > 0) jobs.Enqueue<ProcessGroupThreadPhotosJob>(job => job.RunAsync(thread.Id, CancellationToken.None));
            return Redirect($"/groups/threads/{thread.Id}");
        }
        catch (GroupRuleException rule)
        {
            foreach (var key in keys) await files.DeleteAsync(key);
            ModelState.AddModelError("", Message(rule.Key));
            return View(Views + "NewThread.cshtml", page);
        }
    }

    [HttpGet("/groups/threads/{id:long}")]
    public async Task<IActionResult> Show(long id, long? after, long? before)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, var membership)) return NotFound();
        var page = await queries.ThreadAsync(thread, group, membership, ViewerId, after, before, Limits);
        if (ViewerId is { } viewer && page.Replies.Count > 0) await ThreadFollowing.MarkReadAsync(db, id, viewer, page.Replies[^1].Id);
        return View(Views + "Thread.cshtml", page);
    }

    [HttpPost("/groups/threads/{id:long}/reply"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.GroupReplies), NotWhileMuted]
    public async Task<IActionResult> Reply(long id, ReplyForm form)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, var membership)) return NotFound();
        try
        {
            var reply = await GroupPosting.ReplyAsync(db, group, membership, thread, ViewerId!, form.Body, form.QuoteReplyId, Limits, Now,
                await ScreenAsync(form.Body));
            if (reply.HeldAt is null && await GroupNotices.HasWatchersAsync(db, id)) jobs.Enqueue<NotifyThreadWatchersJob>(job => job.RunAsync(reply.Id, null, CancellationToken.None));
            return Redirect($"/groups/threads/{id}?after={reply.Id - 1}#reply-{reply.Id}");
        }
        catch (GroupRuleException rule)
        {
            this.Flash(RuleMessage(rule.Key, group, membership));
            return Redirect($"/groups/threads/{id}#reply-form");
        }
    }

    [HttpGet("/groups/threads/{id:long}/edit"), Authorize]
    public async Task<IActionResult> Edit(long id)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, _) || !thread.MayEdit(ViewerId!, Limits.EditWindow, Now)) return NotFound();
        return View(Views + "EditThread.cshtml", new ThreadFormPage(new ThreadForm { Kind = thread.Kind, Title = thread.Title, Body = thread.Body }, GroupQueries.ToCard(group), id, Limits));
    }

    [HttpPost("/groups/threads/{id:long}/edit"), Authorize, EnableRateLimiting(RateLimits.GroupReplies), NotWhileMuted]
    public async Task<IActionResult> Edit(long id, ThreadForm form)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, _) || thread.AuthorId != ViewerId) return NotFound();
        try
        {
            await GroupPosting.EditThreadAsync(db, thread, ViewerId!, new PostInput(form.Title, form.Body), Limits, Now, await ScreenAsync(form.Title, form.Body));
            return Redirect($"/groups/threads/{id}");
        }
        catch (GroupRuleException rule)
        {
            ModelState.AddModelError(rule.Key.StartsWith("Group.Error.Title", StringComparison.Ordinal) ? nameof(ThreadForm.Title) : nameof(ThreadForm.Body), Message(rule.Key));
            return View(Views + "EditThread.cshtml", new ThreadFormPage(form, GroupQueries.ToCard(group), id, Limits));
        }
    }

    [HttpPost("/groups/threads/{id:long}/delete"), Authorize]
    public async Task<IActionResult> Delete(long id)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, _) || thread.AuthorId != ViewerId) return NotFound();
        await GroupPosting.DeleteThreadAsync(db, thread, ViewerId!, Now);
        this.Flash(t["Group.ThreadDeleted"]);
        return Redirect($"/groups/{group.Id}");
    }

    [HttpPost("/groups/threads/{id:long}/like"), Authorize]
    public async Task<IActionResult> Like(long id)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, var membership) || thread.IsRemoved) return NotFound();
        if (!GroupAccess.MayRead(group, membership) || membership is not { IsActive: true }) return Refused(group.Id, "Group.Error.NotMember", group, membership, $"/groups/threads/{id}");
        await GroupLikes.LikeThreadAsync(db, thread, ViewerId!, Now);
        return Redirect($"/groups/threads/{id}");
    }

    [HttpPost("/groups/threads/{id:long}/unlike"), Authorize]
    public async Task<IActionResult> Unlike(long id)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is null) return NotFound();
        await GroupLikes.UnlikeThreadAsync(db, id, ViewerId!);
        return Redirect($"/groups/threads/{id}");
    }

    /// <summary>Watch, Mute, or anything else for the default (hear only of replies to oneself).</summary>
    [HttpPost("/groups/threads/{id:long}/watch"), Authorize]
    public async Task<IActionResult> Watch(long id, string? level)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is null) return NotFound();
        var chosen = level switch { "watching" => WatchLevel.Watching, "muted" => (WatchLevel?)WatchLevel.Muted, _ => null };
        await ThreadFollowing.SetWatchAsync(db, id, ViewerId!, chosen);
        this.Flash(t[chosen switch { WatchLevel.Watching => "Group.Watching", WatchLevel.Muted => "Group.Muted", _ => "Group.Normal" }]);
        return Redirect($"/groups/threads/{id}");
    }

    [HttpPost("/groups/threads/{id:long}/accept"), Authorize]
    public async Task<IActionResult> Accept(long id, long? replyId)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, var membership)) return NotFound();
        if (thread.AuthorId != ViewerId && !GroupAccess.MayModerate(group, membership)) return NotFound();
        try
        {
            await GroupModeration.AcceptAsync(db, group, membership, thread, replyId, ViewerId!, Now);
        }
        catch (GroupRuleException rule)
        {
            this.Flash(t[rule.Key]);
        }
        return Redirect($"/groups/threads/{id}");
    }

    [HttpPost("/groups/threads/{id:long}/report"), Authorize]
    public async Task<IActionResult> Report(long id, ReportForm form)
    {
        if (await GroupAccess.SeeThreadAsync(db, id, ViewerId) is not (var thread, var group, _)) return NotFound();
        var error = await RedMvc.Domain.Moderation.Report.FileAsync(db, ViewerId!, ReportTarget.Thread, id.ToString(CultureInfo.InvariantCulture), thread.AuthorId, group.Id, form.Category, form.Details, Now);
        this.Flash(t[error ?? "Report.Filed", RedMvc.Domain.Moderation.Report.DetailsMaxLength]);
        return Redirect($"/groups/threads/{id}");
    }

    [HttpGet("/groups/replies/{id:long}/edit"), Authorize]
    public async Task<IActionResult> EditReply(long id)
    {
        var reply = await SeeReplyAsync(id);
        if (reply is not (var found, var thread, _, _) || !thread.MayEditReply(found, ViewerId!, Limits.EditWindow, Now)) return NotFound();
        return View(Views + "EditReply.cshtml", new ReplyFormPage(reply.Value.Reply.ThreadId, id, reply.Value.Reply.Body, Limits));
    }

    [HttpPost("/groups/replies/{id:long}/edit"), Authorize, EnableRateLimiting(RateLimits.GroupReplies), NotWhileMuted]
    public async Task<IActionResult> EditReply(long id, ReplyForm form)
    {
        var reply = await SeeReplyAsync(id);
        if (reply is null || reply.Value.Reply.AuthorId != ViewerId) return NotFound();
        try
        {
            await GroupPosting.EditReplyAsync(db, reply.Value.Thread, reply.Value.Reply, ViewerId!, form.Body, Limits, Now, await ScreenAsync(form.Body));
            return Redirect($"/groups/threads/{reply.Value.Reply.ThreadId}?after={id - 1}#reply-{id}");
        }
        catch (GroupRuleException rule)
        {
            ModelState.AddModelError(nameof(ReplyForm.Body), Message(rule.Key));
            return View(Views + "EditReply.cshtml", new ReplyFormPage(reply.Value.Reply.ThreadId, id, form.Body, Limits));
        }
    }

    [HttpPost("/groups/replies/{id:long}/delete"), Authorize]
    public async Task<IActionResult> DeleteReply(long id)
    {
        var reply = await SeeReplyAsync(id);
        if (reply is null || reply.Value.Reply.AuthorId != ViewerId) return NotFound();
        await GroupPosting.DeleteReplyAsync(db, reply.Value.Reply, ViewerId!, Now);
        return Redirect($"/groups/threads/{reply.Value.Reply.ThreadId}?after={id - 1}#reply-{id}");
    }

    [HttpPost("/groups/replies/{id:long}/like"), Authorize]
    public async Task<IActionResult> LikeReply(long id)
    {
        var found = await SeeReplyAsync(id);
        if (found is not (var reply, var thread, _, var membership) || reply.IsGone) return NotFound();
        if (membership is { IsActive: true }) await GroupLikes.LikeReplyAsync(db, thread, reply, ViewerId!, Now);
        else this.Flash(t["Group.Error.NotMember"]);
        return Redirect($"/groups/threads/{reply.ThreadId}?after={id - 1}#reply-{id}");
    }

    [HttpPost("/groups/replies/{id:long}/unlike"), Authorize]
    public async Task<IActionResult> UnlikeReply(long id)
    {
        var found = await SeeReplyAsync(id);
        if (found is null) return NotFound();
        await GroupLikes.UnlikeReplyAsync(db, id, ViewerId!);
        return Redirect($"/groups/threads/{found.Value.Reply.ThreadId}?after={id - 1}#reply-{id}");
    }

    [HttpPost("/groups/replies/{id:long}/report"), Authorize]
    public async Task<IActionResult> ReportReply(long id, ReportForm form)
    {
        var found = await SeeReplyAsync(id);
        if (found is not (var reply, _, var group, _) || reply.IsGone) return NotFound();
        var error = await RedMvc.Domain.Moderation.Report.FileAsync(db, ViewerId!, ReportTarget.Reply, id.ToString(CultureInfo.InvariantCulture), reply.AuthorId, group.Id, form.Category, form.Details, Now);
        this.Flash(t[error ?? "Report.Filed", RedMvc.Domain.Moderation.Report.DetailsMaxLength]);
        return Redirect($"/groups/threads/{reply.ThreadId}?after={id - 1}#reply-{id}");
    }

    /// <summary>A reply the viewer may see: its thread visible to them (SeeThreadAsync) and no block between them and its author.</summary>
    private async Task<(GroupReply Reply, GroupThread Thread, Group Group, GroupMember? Membership)?> SeeReplyAsync(long id)
    {
        var reply = await db.GroupReplies.SingleOrDefaultAsync(r => r.Id == id);
        if (reply is null || await GroupAccess.SeeThreadAsync(db, reply.ThreadId, ViewerId) is not (var thread, var group, var membership)) return null;
        if (await RedMvc.Domain.Social.Blocking.EitherBlockedAsync(db, ViewerId, reply.AuthorId)) return null;
        return (reply, thread, group, membership);
    }

    private IActionResult Refused(long groupId, string key, Group group, GroupMember? membership, string? back = null)
    {
        this.Flash(RuleMessage(key, group, membership));
        return Redirect(back ?? $"/groups/{groupId}");
    }

    /// <summary>The member's message for a refusal, with the time a mute ends or the minutes slow mode still asks.</summary>
    private string RuleMessage(string key, Group group, GroupMember? membership) => key switch
    {
        "Group.Error.Muted" => t[key, HttpContext.RequestServices.GetRequiredService<RedMvc.Domain.Time.Times>().Minute(membership!.MutedUntil!.Value)],
        "Group.Error.SlowMode" => t[key, group.SlowModeMinutes, membership!.SlowModeWait(group.SlowModeMinutes, Now)],
        _ => Message(key),
    };

    private async Task<ScreeningVerdict> ScreenAsync(params string?[] texts) => _screened = await screening.JudgeAsync(db, texts);

    private string Message(string key) => key == ScreeningVerdict.BlockedKey ? t[key, _screened.Phrase ?? ""] : t[key, key.Contains("Title", StringComparison.Ordinal) ? Limits.TitleMaxLength : key.Contains("Photos", StringComparison.Ordinal) ? Limits.MaxPhotos : Limits.BodyMaxLength];
}
