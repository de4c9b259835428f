using Hangfire;
using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Settings;

/// <summary>
/// The profile photo: checked like a note photo before it is stored, then made into square sizes
/// by ProcessAvatarJob. Until the job is done the member keeps their previous avatar.
/// </summary>
[Authorize, Route("settings/avatar"), EnableRateLimiting(RateLimits.Posting)]
public class AvatarController(
    UserManager<AppUser> users,
    UploadInspector inspector,
    IOptions<UploadLimits> uploadLimits,
    IFileStore files,
    IBackgroundJobClient jobs,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpPost(""), RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024), RequestSizeLimit(25 * 1024 * 1024)]
    public async Task<IActionResult> Upload(IFormFile? avatar)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var inspection = avatar is null ? new UploadInspection(UploadProblem.Empty) : await inspector.InspectAsync(avatar, uploadLimits.Value, HttpContext.RequestAborted);
        if (!inspection.IsAcceptable)
        {
            this.Flash(t["Avatar.Refused", t.UploadMessage(inspection.Problem, uploadLimits.Value)]);
            return Redirect("/settings/profile");
        }
        var key = await files.SaveOriginalAsync(avatar!, "avatars", HttpContext.RequestAborted);
        var replaced = user.AvatarPendingKey;
        user.AvatarPendingKey = key;
        await users.UpdateAsync(user);
        if (replaced is not null) await files.DeleteAsync(replaced);
        jobs.Enqueue<ProcessAvatarJob>(job => job.RunAsync(user.Id, CancellationToken.None));
        this.Flash(t["Avatar.Processing"]);
        return Redirect("/settings/profile");
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove([FromServices] PublicPages pages)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        user.AvatarKey = null;
        await users.UpdateAsync(user);
        await pages.MemberChangedAsync(user.Id);
        this.Flash(t["Avatar.Removed"]);
        return Redirect("/settings/profile");
    }
}
