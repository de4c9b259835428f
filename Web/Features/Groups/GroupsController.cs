using Microsoft.AspNetCore.RateLimiting;
using Hangfire;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Groups;

/// <summary>
/// The directory, a group's page, creating and editing a group, joining and leaving. A private group
/// is a 404 to anyone who is not its member, like a wrong id; its card in the directory only says it exists.
/// </summary>
public class GroupsController(
    AppDbContext db,
    GroupQueries queries,
    PublicPages pages,
    Screening screening,
    IOptions<GroupLimits> groupLimits,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private GroupLimits Limits => groupLimits.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string? ViewerId => User.Id();

    [HttpGet("/groups")]
    public async Task<IActionResult> Index(string? channel) =>
        View(await queries.DirectoryAsync(Channels.IsKnown(channel) && channel != Channels.Recommended ? channel : null, ViewerId));

    [HttpGet("/groups/{id:long}")]
    public async Task<IActionResult> Show(long id, string? sort, string? after)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null) return await GroupLoads.NotReadableAsync(this, db, id, ViewerId);
        return View(await queries.PageAsync(group, membership, ViewerId, ParseSort(sort), after));
    }

    public static ThreadSort ParseSort(string? sort) => sort switch
    {
        "newest" => ThreadSort.Newest,
        "top-week" => ThreadSort.TopWeek,
        "top-month" => ThreadSort.TopMonth,
        "top-all" => ThreadSort.TopAll,
        _ => ThreadSort.Latest,
    };

    public static string SortKey(ThreadSort sort) => sort switch
    {
        ThreadSort.Newest => "newest",
        ThreadSort.TopWeek => "top-week",
        ThreadSort.TopMonth => "top-month",
        ThreadSort.TopAll => "top-all",
        _ => "latest",
    };

    [HttpGet("/groups/new"), Authorize(Policy = Policies.ConfirmedEmail)]
    public IActionResult New() => View("Edit", new GroupFormPage(new GroupForm { Channel = "travel" }, null, Limits));

    [HttpPost("/groups/new"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.GroupThreads), NotWhileMuted]
    [RequestFormLimits(MultipartBodyLengthLimit = 50 * 1024 * 1024), RequestSizeLimit(50 * 1024 * 1024)]
    public async Task<IActionResult> New(GroupForm form, [FromServices] GroupPictures pictures)
    {
        if (!await pictures.CheckAsync(this, form) || await ScreeningRefusesAsync(form)) return View("Edit", new GroupFormPage(form, null, Limits));
        try
        {
            var group = await GroupMemberships.CreateAsync(db, ViewerId!, form.ToInput(), Limits, Now);
            await pictures.SaveAsync(group.Id, form);
            this.Flash(t["Group.Created"]);
            return Redirect($"/groups/{group.Id}");
        }
        catch (GroupRuleException rule)
        {
            ModelState.AddModelError(FieldOf(rule.Key), Message(rule.Key));
            return View("Edit", new GroupFormPage(form, null, Limits));
        }
    }

    [HttpGet("/groups/{id:long}/edit"), Authorize]
    public async Task<IActionResult> Edit(long id)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || membership is not { IsActive: true, Role: GroupRole.Owner }) return NotFound();
        var form = new GroupForm { Name = group.Name, Description = group.Description, Rules = group.Rules, Channel = group.Channel, IsPrivate = group.IsPrivate };
        return View(new GroupFormPage(form, id, Limits));
    }

    [HttpPost("/groups/{id:long}/edit"), Authorize]
    [RequestFormLimits(MultipartBodyLengthLimit = 50 * 1024 * 1024), RequestSizeLimit(50 * 1024 * 1024)]
    public async Task<IActionResult> Edit(long id, GroupForm form, [FromServices] GroupPictures pictures)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || membership is not { IsActive: true, Role: GroupRole.Owner }) return NotFound();
        if (!await pictures.CheckAsync(this, form) || await ScreeningRefusesAsync(form)) return View(new GroupFormPage(form, id, Limits));
        try
        {
            await GroupMemberships.EditAsync(db, group, form.ToInput(), Limits);
            await pictures.SaveAsync(group.Id, form);
            this.Flash(t["Group.Saved"]);
            return Redirect($"/groups/{id}");
        }
        catch (GroupRuleException rule)
        {
            ModelState.AddModelError(FieldOf(rule.Key), Message(rule.Key));
            return View(new GroupFormPage(form, id, Limits));
        }
    }

    [HttpPost("/groups/{id:long}/delete"), Authorize]
    public async Task<IActionResult> Delete(long id)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || membership is not { IsActive: true, Role: GroupRole.Owner }) return NotFound();
        await GroupMemberships.DeleteAsync(db, group, membership, Now);
        this.Flash(t["Group.Deleted"]);
        return Redirect("/groups");
    }

    private Task<bool> ScreeningRefusesAsync(GroupForm form) =>
        ModelState.RefusedByScreeningAsync(screening, db, t, nameof(GroupForm.Name), form.Name, form.Description, form.Rules);

    private static string FieldOf(string key) => key switch
    {
        "Group.Error.NameRequired" or "Group.Error.NameTooLong" or "Group.Error.NameTaken" => nameof(GroupForm.Name),
        "Group.Error.DescriptionTooLong" => nameof(GroupForm.Description),
        "Group.Error.RulesTooLong" => nameof(GroupForm.Rules),
        "Group.Error.Channel" => nameof(GroupForm.Channel),
        _ => "",
    };

    private string Message(string key) => t[key, Limits.NameMaxLength, Limits.DescriptionMaxLength, Limits.RulesMaxLength, Limits.MaxOwnedGroups];

    [HttpPost("/groups/{id:long}/join"), Authorize(Policy = Policies.ConfirmedEmail)]
    public async Task<IActionResult> Join(long id)
    {
        // A private group can be asked to join without being readable: that is how one gets in.
        var group = await db.Groups.SingleOrDefaultAsync(g => g.Id == id && g.DeletedAt == null);
        if (group is null) return NotFound();
        try
        {
            var status = await GroupMemberships.JoinAsync(db, group, ViewerId!, Now);
            await pages.MemberChangedAsync(ViewerId!); // the profile lists their groups
            this.Flash(t[status == MemberStatus.Pending ? "Group.Requested" : "Group.Joined"]);
        }
        catch (GroupRuleException rule)
        {
            this.Flash(t[rule.Key]);
        }
        return Redirect($"/groups/{id}");
    }

    [HttpPost("/groups/{id:long}/leave"), Authorize]
    public async Task<IActionResult> Leave(long id)
    {
        if (!await db.Groups.AnyAsync(g => g.Id == id && g.DeletedAt == null)) return NotFound();
        try
        {
            await GroupMemberships.LeaveAsync(db, id, ViewerId!);
            await pages.MemberChangedAsync(ViewerId!);
            this.Flash(t["Group.Left"]);
        }
        catch (GroupRuleException rule)
        {
            this.Flash(t[rule.Key]);
        }
        return Redirect($"/groups/{id}");
    }

    [HttpGet("/groups/{id:long}/members")]
    public async Task<IActionResult> Members(long id)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null) return await GroupLoads.NotReadableAsync(this, db, id, ViewerId);
        return View(await queries.MembersAsync(group, membership));
    }

    [HttpGet("/groups/{id:long}/log"), Authorize]
    public async Task<IActionResult> Log(long id, long? older)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, membership)) return NotFound();
        return View(await queries.LogAsync(group, older));
    }

    [HttpGet("/groups/{id:long}/reports"), Authorize]
    public async Task<IActionResult> Reports(long id)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, membership)) return NotFound();
        return View(await queries.ReportsAsync(group));
    }

    [HttpPost("/groups/{id:long}/reports/{reportId:long}/resolve"), Authorize]
    public async Task<IActionResult> Resolve(long id, long reportId, ReportOutcome outcome)
    {
        var (group, membership) = await GroupLoads.ReadableAsync(db, id, ViewerId);
        if (group is null || !GroupAccess.MayModerate(group, membership)) return NotFound();
        if (!await GroupModeration.ResolveReportAsync(db, group, ViewerId!, reportId, outcome, Now)) return NotFound();
        return Redirect($"/groups/{id}/reports");
    }
}

/// <summary>A group's avatar and cover from its form: checked from the bytes before anything is saved, then processed by a job.</summary>
public class GroupPictures(UploadInspector inspector, IOptions<UploadLimits> uploadLimits, IFileStore files, IBackgroundJobClient jobs, IStringLocalizer<SharedResource> t)
{
    public async Task<bool> CheckAsync(Controller controller, GroupForm form)
    {
        foreach (var (field, upload) in new[] { (nameof(GroupForm.Avatar), form.Avatar), (nameof(GroupForm.Cover), form.Cover) })
        {
            if (upload is null || upload.Length == 0) continue;
            var inspection = await inspector.InspectAsync(upload, uploadLimits.Value, controller.HttpContext.RequestAborted);
            if (!inspection.IsAcceptable) controller.ModelState.AddModelError(field, t.UploadMessage(inspection.Problem, uploadLimits.Value));
        }
        return controller.ModelState.IsValid;
    }

    public async Task SaveAsync(long groupId, GroupForm form)
    {
        foreach (var (upload, cover) in new[] { (form.Avatar, false), (form.Cover, true) })
        {
            if (upload is null || upload.Length == 0) continue;
            var key = await files.SaveOriginalAsync(upload, "groups", CancellationToken.None);
            jobs.Enqueue<ProcessGroupImageJob>(job => job.RunAsync(groupId, key, cover, CancellationToken.None));
        }
    }
}
