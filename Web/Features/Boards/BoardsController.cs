using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Boards;

/// <summary>Collecting notes into boards, and the boards themselves. Someone else's board answers 404 to every action.</summary>
public class BoardsController(AppDbContext db, BoardQueries queries, Screening screening, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private string? ViewerId => User.Id();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("/notes/{id:long}/collect"), Authorize]
    public async Task<IActionResult> Collect(long id)
    {
        if (!await NoteAccess.CanSeeAsync(db, id, ViewerId)) return NotFound();
        var page = await queries.CollectAsync(id, ViewerId!, new CollectForm());
        return page is null ? NotFound() : View(page);
    }

    /// <summary>The note page's button posts nothing (the default board); the board page posts a board or a new board's name.</summary>
    [HttpPost("/notes/{id:long}/collect"), Authorize]
    public async Task<IActionResult> Collect(long id, CollectForm form)
    {
        if (!await NoteAccess.CanSeeAsync(db, id, ViewerId)) return NotFound();
        var boardId = form.BoardId;
        if (!string.IsNullOrWhiteSpace(form.NewBoardName))
        {
            if (await ModelState.RefusedByScreeningAsync(screening, db, t, nameof(form.NewBoardName), form.NewBoardName))
                return View(await queries.CollectAsync(id, ViewerId!, form));
            try
            {
                boardId = (await Collecting.CreateBoardAsync(db, ViewerId!, form.NewBoardName, form.NewBoardPrivate, Now)).Id;
            }
            catch (NoteRuleException rule)
            {
                ModelState.AddModelError(nameof(form.NewBoardName), t[rule.Key, Board.NameMaxLength]);
                return View(await queries.CollectAsync(id, ViewerId!, form));
            }
        }
        if (await Collecting.CollectAsync(db, ViewerId!, id, boardId, Now) == CollectResult.BoardNotFound) return NotFound();
        var name = boardId is null ? null : await db.Boards.Where(b => b.Id == boardId && !b.IsDefault).Select(b => b.Name).SingleOrDefaultAsync();
        this.Flash(t["Collect.Done", name ?? t["Board.DefaultName"]]);
        return Redirect($"/notes/{id}");
    }

    [HttpPost("/notes/{id:long}/uncollect"), Authorize]
    public async Task<IActionResult> Uncollect(long id, string? returnUrl)
    {
        if (!await Collecting.UncollectAsync(db, ViewerId!, id) && !await NoteAccess.CanSeeAsync(db, id, ViewerId)) return NotFound();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : $"/notes/{id}");
    }

    [HttpGet("/boards/{id:long}")]
    public async Task<IActionResult> Show(long id, string? after)
    {
        var page = await queries.BoardAsync(id, ViewerId, FeedCursor.Parse(after));
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("/boards/new"), Authorize]
    public IActionResult New() => View(new BoardForm());

    [HttpPost("/boards/new"), Authorize]
    public async Task<IActionResult> New(BoardForm form)
    {
        if (await ModelState.RefusedByScreeningAsync(screening, db, t, nameof(form.Name), form.Name)) return View(form);
        try
        {
            var board = await Collecting.CreateBoardAsync(db, ViewerId!, form.Name ?? "", form.IsPrivate, Now);
            return Redirect($"/boards/{board.Id}");
        }
        catch (NoteRuleException rule)
        {
            ModelState.AddModelError(nameof(form.Name), t[rule.Key, Board.NameMaxLength]);
            return View(form);
        }
    }

    [HttpGet("/boards/{id:long}/edit"), Authorize]
    public async Task<IActionResult> Edit(long id, string? after)
    {
        var page = await queries.EditAsync(id, ViewerId!, FeedCursor.Parse(after));
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("/boards/{id:long}/rename"), Authorize]
    public async Task<IActionResult> Rename(long id, BoardForm form)
    {
        if (await ModelState.RefusedByScreeningAsync(screening, db, t, nameof(form.Name), form.Name)) return await RenameRefusedAsync(id, form);
        try
        {
            if (!await Collecting.RenameBoardAsync(db, ViewerId!, id, form.Name ?? "")) return NotFound();
        }
        catch (NoteRuleException rule)
        {
            ModelState.AddModelError(nameof(form.Name), t[rule.Key, Board.NameMaxLength]);
            return await RenameRefusedAsync(id, form);
        }
        this.Flash(t["Board.Saved"]);
        return Redirect($"/boards/{id}/edit");
    }

    private async Task<IActionResult> RenameRefusedAsync(long id, BoardForm form) =>
        await queries.EditAsync(id, ViewerId!, null, form) is { } page ? View(nameof(Edit), page) : NotFound();

    [HttpPost("/boards/{id:long}/privacy"), Authorize]
    public async Task<IActionResult> Privacy(long id, bool isPrivate)
    {
        if (!await Collecting.SetPrivateAsync(db, ViewerId!, id, isPrivate)) return NotFound();
        this.Flash(t[isPrivate ? "Board.NowPrivate" : "Board.NowPublic"]);
        return Redirect($"/boards/{id}/edit");
    }

    [HttpPost("/boards/{id:long}/delete"), Authorize]
    public async Task<IActionResult> Delete(long id)
    {
        try
        {
            if (!await Collecting.DeleteBoardAsync(db, ViewerId!, id, Now)) return NotFound();
        }
        catch (NoteRuleException rule)
        {
            this.Flash(t[rule.Key]);
            return Redirect($"/boards/{id}/edit");
        }
        this.Flash(t["Board.Deleted"]);
        return Redirect($"/u/{User.Handle()}?tab=collects");
    }

    [HttpPost("/boards/{id:long}/notes/{noteId:long}/move"), Authorize]
    public async Task<IActionResult> Move(long id, long noteId, long to)
    {
        if (!await InOwnBoardAsync(id, noteId) || !await Collecting.MoveAsync(db, ViewerId!, noteId, to)) return NotFound();
        return Redirect($"/boards/{id}/edit");
    }

    [HttpPost("/boards/{id:long}/notes/{noteId:long}/remove"), Authorize]
    public async Task<IActionResult> Remove(long id, long noteId)
    {
        if (!await Collecting.RemoveFromBoardAsync(db, ViewerId!, noteId, id, Now)) return NotFound();
        return Redirect($"/boards/{id}/edit");
    }

    private Task<bool> InOwnBoardAsync(long boardId, long noteId) =>
        db.Collects.AnyAsync(c => c.UserId == ViewerId && c.NoteId == noteId && c.BoardId == boardId);
}
