using RedMvc.Domain.Moderation;
using RedMvc.Workers.Email;

namespace RedMvc.Web.Areas.Admin;

/// <summary>
/// After a staff decision, what the public sees changes at once: the kept visitor pages of the content
/// (and of the member, for an account decision) go, and a suspension or restore is read again on this node.
/// The member hears of a penalty or an appeal's outcome by mail too.
/// </summary>
public class ModerationEffects(AppDbContext db, PublicPages pages, SuspendedAccounts suspended, PenaltyEmails mails)
{
    public Task MemberToldAsync(string memberId) => mails.MailNewsAsync(memberId);

    public async Task ContentChangedAsync(ReportTarget? target, string? id)
    {
        if (target == ReportTarget.Note && long.TryParse(id, out var noteId)) await pages.NoteChangedAsync(noteId);
        if (target == ReportTarget.Comment && long.TryParse(id, out var commentId)
            && await db.Comments.Where(c => c.Id == commentId).Select(c => (long?)c.NoteId).SingleOrDefaultAsync() is { } noteOfComment)
            await pages.NotePageChangedAsync(noteOfComment);
        if (target == ReportTarget.Product && long.TryParse(id, out var productId)
            && await db.Products.Where(p => p.Id == productId).Select(p => (long?)p.ShopId).SingleOrDefaultAsync() is { } shopId)
            await pages.ProductChangedAsync(productId, shopId);
    }

    public async Task AccountChangedAsync(string memberId)
    {
        suspended.Forget();
        await pages.MemberGoneAsync(memberId);
    }
}
