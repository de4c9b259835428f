using Hangfire;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;
using RedMvc.Domain.Time;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Notes;

public class NotesController(
    AppDbContext db,
    NoteQueries queries,
    NoteShopQueries shop,
    UploadInspector inspector,
    IFileStore files,
    IBackgroundJobClient jobs,
    IOptions<NoteLimits> noteLimits,
    IOptions<UploadLimits> uploadLimits,
    PublicPages pages,
    Screening screening,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t) : Controller
{
    private NoteLimits Limits => noteLimits.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private string? ViewerId => User.Id();

    /// <summary>Visitors' copies are output-cached, tagged with the note, its author and its products (PublicPages).</summary>
    [HttpGet("/notes/{id:long}"), OutputCache(PolicyName = OutputCaching.VisitorPages)]
    public async Task<IActionResult> Details(long id, long? comments)
    {
        var note = await queries.DetailsAsync(id, ViewerId, comments);
        if (note is null) return NotFound();
        var products = await shop.ForNoteAsync(id);
        PublicPages.Tag(HttpContext, [PublicPages.NoteTag(id), PublicPages.MemberTag(note.Author.Id), .. products.Products.Select(p => PublicPages.ProductTag(p.Id))]);
        if (note.PhotosPending) PublicPages.DoNotKeep(HttpContext); // the photo job finishes without telling the cache
        return View(note with { Shop = products });
    }

    [HttpGet("/notes/new"), Authorize(Policy = Policies.ConfirmedEmail)]
    public async Task<IActionResult> New(long? review)
    {
        var form = new NoteForm { ReviewLineId = review };
        return View("Edit", await WithReviewAsync(FormPage(form, null, []), form));
    }

    [HttpPost("/notes/new"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Posting), NotWhileMuted]
    [RequestFormLimits(MultipartBodyLengthLimit = 210 * 1024 * 1024), RequestSizeLimit(210 * 1024 * 1024)]
    public Task<IActionResult> New(NoteForm form, [FromServices] Times times) => SaveAsync(null, form, times);

    [HttpGet("/notes/{id:long}/edit"), Authorize(Policy = Policies.ConfirmedEmail)]
    public async Task<IActionResult> Edit(long id, [FromServices] Times times)
    {
        var note = await OwnNoteAsync(id);
        if (note is null) return NotFound();
        var form = new NoteForm
        {
            Title = note.Title, Body = note.Body, Channel = note.Channel, Place = note.Place, Visibility = note.Visibility,
            AiAssisted = note.AiAssisted, Action = note.Status switch { NoteStatus.Draft => PostAction.Draft, NoteStatus.Scheduled => PostAction.Schedule, _ => PostAction.Publish },
            ScheduleAt = note.ScheduledFor is { } at ? times.Local(at) : null, TimeZone = times.Zone.Id,
        };
        return View(FormPage(form, note.Id, PhotosOf(note)));
    }

    [HttpPost("/notes/{id:long}/edit"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Posting), NotWhileMuted]
    [RequestFormLimits(MultipartBodyLengthLimit = 210 * 1024 * 1024), RequestSizeLimit(210 * 1024 * 1024)]
    public async Task<IActionResult> Edit(long id, NoteForm form, [FromServices] Times times)
    {
        var note = await OwnNoteAsync(id);
        if (note is null) return NotFound();
        return await SaveAsync(note, form, times);
    }

    [HttpPost("/notes/{id:long}/delete"), Authorize]
    public async Task<IActionResult> Delete(long id)
    {
        var note = await OwnNoteAsync(id);
        if (note is null) return NotFound();
        note.Delete(Now);
        await db.SaveChangesAsync();
        jobs.Enqueue<DeleteNotePhotosJob>(job => job.RunAsync(note.Id, CancellationToken.None));
        await pages.NoteChangedAsync(note.Id);
        this.Flash(t["Note.Deleted"]);
        return RedirectToAction(nameof(Mine));
    }

    [HttpPost("/notes/{id:long}/like"), Authorize]
    public async Task<IActionResult> Like(long id, string? returnUrl)
    {
        if (!await NoteAccess.CanSeeAsync(db, id, ViewerId)) return NotFound();
        await NoteLikes.LikeAsync(db, id, ViewerId!, Now);
        return BackTo(id, returnUrl);
    }

    [HttpPost("/notes/{id:long}/unlike"), Authorize]
    public async Task<IActionResult> Unlike(long id, string? returnUrl)
    {
        if (!await NoteAccess.CanSeeAsync(db, id, ViewerId)) return NotFound();
        await NoteLikes.UnlikeAsync(db, id, ViewerId!);
        return BackTo(id, returnUrl);
    }

    /// <summary>Back to the page the like came from (a card in a feed), else the note.</summary>
    private RedirectResult BackTo(long id, string? returnUrl) => Redirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/notes/{id}");

    [HttpGet("/notes/mine"), Authorize]
    public async Task<IActionResult> Mine(string? tab) =>
        View(await queries.MineAsync(ViewerId!, tab is "drafts" or "scheduled" ? tab : "published"));

    /// <summary>Checks everything first (text, then every photo); only a fully valid post stores anything.</summary>
    private async Task<IActionResult> SaveAsync(Note? note, NoteForm form, Times times)
    {
        var uploads = form.Photos.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        var post = new NotePost(form.ToContent(), form.Action, form.ScheduleAtUtc(times), form.KeepPhotoIds, uploads.Count, form.AltTexts);
        foreach (var (field, error) in NotePosting.Problems(note, post, Limits, Now))
            ModelState.AddModelError(field, field switch
            {
                NotePost.PhotosField => t[error, Limits.MaxPhotos],
                NotePost.AltTextsField => t[error, NotePhoto.AltTextMaxLength],
                _ => t[error, Limits.TitleMaxLength, Limits.BodyMaxLength],
            });
        var screened = await screening.JudgeAsync(db, NotePosting.ScreenedTexts(post), HttpContext.RequestAborted);
        if (screened.Blocks) ModelState.AddModelError("", t[ScreeningVerdict.BlockedKey, screened.Phrase!]);
        foreach (var upload in uploads)
        {
            var result = await InspectAsync(upload);
            if (!result.IsAcceptable) ModelState.AddModelError(nameof(form.Photos), t["Upload.Refused", upload.FileName, UploadMessage(result.Problem)]);
        }
        if (!ModelState.IsValid) return View("Edit", await WithReviewAsync(FormPage(form, note?.Id, note is null ? [] : PhotosOf(note)), form));

        var stored = await StoreOriginalsAsync(uploads);
        try
        {
            note = await NotePosting.SaveAsync(db, ViewerId!, note, post, stored, Limits, Now, form.ReviewLineId, screened);
        }
        catch
        {
            foreach (var photo in stored) await files.DeleteAsync(photo.Key);
            throw;
        }
        EnqueueFollowUps(note, stored.Count > 0);
        await pages.NoteChangedAsync(note.Id);
        return Redirect($"/notes/{note.Id}");
    }

    /// <summary>
    /// A review invitation's line, if it is this member's to review; otherwise the form simply
    /// becomes an ordinary note (a stale or foreign link is not an error worth showing).
    /// </summary>
    private async Task<NoteFormPage> WithReviewAsync(NoteFormPage page, NoteForm form)
    {
        if (form.ReviewLineId is not { } lineId) return page;
        var line = await NoteShopping.ReviewableLineAsync(db, lineId, ViewerId!);
        if (line is null)
        {
            form.ReviewLineId = null;
            return page;
        }
        return page with { Reviewing = line.VariantName.Length > 0 ? $"{line.Title} ({line.VariantName})" : line.Title };
    }

    private string UploadMessage(UploadProblem problem) => t.UploadMessage(problem, uploadLimits.Value);

    private Task<UploadInspection> InspectAsync(IFormFile upload) => inspector.InspectAsync(upload, uploadLimits.Value, HttpContext.RequestAborted);

    private async Task<List<NewPhoto>> StoreOriginalsAsync(IEnumerable<IFormFile> uploads)
    {
        var stored = new List<NewPhoto>();
        foreach (var upload in uploads) stored.Add(new NewPhoto(await files.SaveOriginalAsync(upload, "", HttpContext.RequestAborted), upload.FileName));
        return stored;
    }

    private void EnqueueFollowUps(Note note, bool newPhotos)
    {
        if (newPhotos) jobs.Enqueue<ProcessNotePhotosJob>(job => job.RunAsync(note.Id, CancellationToken.None));
        if (note.Status == NoteStatus.Scheduled && note.ScheduledFor is { } at)
            jobs.Schedule<PublishScheduledNotesJob>(job => job.PublishAsync(note.Id, CancellationToken.None), new DateTimeOffset(at, TimeSpan.Zero));
    }

    private Task<Note?> OwnNoteAsync(long id) =>
        db.Notes.Include(n => n.Photos).Include(n => n.Topics).Include(n => n.Mentions)
            .SingleOrDefaultAsync(n => n.Id == id && n.AuthorId == ViewerId && n.Status != NoteStatus.Deleted);

    private static List<PhotoView> PhotosOf(Note note) =>
        note.Photos.OrderBy(p => p.Position).Select(p => PhotoView.Of(p, note.Title)).ToList();

    private NoteFormPage FormPage(NoteForm form, long? noteId, IReadOnlyList<PhotoView> photos) =>
        new(form, noteId, photos, Limits, uploadLimits.Value.MaxFileBytes);
}
