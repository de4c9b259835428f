using Microsoft.AspNetCore.RateLimiting;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Comments;

public class CommentForm
{
    public string? Body { get; set; }

    /// <summary>The comment being answered; empty for a comment on the note itself.</summary>
    public long? ReplyToId { get; set; }
}

public class CommentsController(AppDbContext db, PublicPages pages, Screening screening, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string ViewerId => User.Id()!; // every action here requires a signed-in member
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpPost("/notes/{noteId:long}/comments"), Authorize(Policy = Policies.ConfirmedEmail), EnableRateLimiting(RateLimits.Commenting), NotWhileMuted]
    public async Task<IActionResult> Add(long noteId, CommentForm form)
    {
        if (!await NoteAccess.CanSeeAsync(db, noteId, ViewerId)) return NotFound();
        var target = form.ReplyToId is { } replyToId
            ? await db.Comments.SingleOrDefaultAsync(c => c.Id == replyToId && c.NoteId == noteId && c.RemovedAt == null && (c.HeldAt == null || c.AuthorId == ViewerId))
            : null;
        if (form.ReplyToId is not null && target is null) return NotFound();
        var screened = await screening.JudgeAsync(db, form.Body);
        if (screened.Blocks)
        {
            this.Flash(t[ScreeningVerdict.BlockedKey, screened.Phrase!]);
            return Redirect($"/notes/{noteId}#comments");
        }
        try
        {
            var comment = target is null
                ? Comment.OnNote(noteId, ViewerId, form.Body ?? "", Now)
                : Comment.ReplyTo(target, ViewerId, form.Body ?? "", Now);
            comment.Screen(screened, Now);
            await NoteComments.AddAsync(db, comment);
            await pages.NotePageChangedAsync(noteId);
            return Redirect($"/notes/{noteId}#comment-{comment.Id}");
        }
        catch (NoteRuleException rule)
        {
            this.Flash(t[rule.Key, Comment.BodyMaxLength]);
            return Redirect($"/notes/{noteId}#comments");
        }
    }

    [HttpPost("/comments/{id:long}/like"), Authorize]
    public Task<IActionResult> Like(long id) => ChangeLikeAsync(id, like: true);

    [HttpPost("/comments/{id:long}/unlike"), Authorize]
    public Task<IActionResult> Unlike(long id) => ChangeLikeAsync(id, like: false);

    private async Task<IActionResult> ChangeLikeAsync(long id, bool like)
    {
        var comment = await db.Comments.AsNoTracking().Where(c => c.Id == id && c.RemovedAt == null && (c.HeldAt == null || c.AuthorId == ViewerId))
            .Select(c => new { c.NoteId, c.AuthorId, c.DeletedAt }).SingleOrDefaultAsync();
        // A comment the viewer may not see (held and not theirs, its note, or a block either way) is the same 404 as a wrong id.
        if (comment is null || comment.DeletedAt is not null || !await NoteAccess.CanSeeAsync(db, comment.NoteId, ViewerId)
            || await Blocking.EitherBlockedAsync(db, ViewerId, comment.AuthorId)) return NotFound();
        if (like) await CommentLikes.LikeAsync(db, id, ViewerId, Now);
        else await CommentLikes.UnlikeAsync(db, id, ViewerId);
        return Redirect($"/notes/{comment.NoteId}#comment-{id}");
    }

    [HttpPost("/comments/{id:long}/delete"), Authorize]
    public async Task<IActionResult> Delete(long id)
    {
        var found = await db.Comments.Where(c => c.Id == id)
            .Join(db.Notes, c => c.NoteId, n => n.Id, (c, n) => new { Comment = c, NoteAuthorId = n.AuthorId }).SingleOrDefaultAsync();
        // Someone who may not delete it learns nothing about it: the same 404 as a wrong id.
        if (found is null || !found.Comment.CanBeDeletedBy(ViewerId, found.NoteAuthorId)) return NotFound();
        await NoteComments.DeleteAsync(db, id, Now);
        await pages.NotePageChangedAsync(found.Comment.NoteId);
        return Redirect($"/notes/{found.Comment.NoteId}#comments");
    }
}
