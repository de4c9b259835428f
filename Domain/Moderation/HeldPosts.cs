using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Moderation;

/// <summary>One post that screening held, as the staff queue shows it.</summary>
public sealed record HeldPost(ReportTarget Kind, string TargetId, string AuthorId, string Text, DateTime HeldAt);

/// <summary>
/// The queue of posts screening held for review, and staff's two answers: approve (it becomes what it
/// would have been without the hold) or remove. Removing a note or a comment is the staff desk's removal,
/// with its rule, reason and strike; a thread or reply is removed with the reason its author sees, a
/// message is never delivered, a product stays off sale, a held name and bio are dropped. The queue is
/// read from the held rows themselves (an indexed column per kind), so it can never disagree with them.
/// </summary>
public static class HeldPosts
{
    public const int PageSize = 50;

    public static async Task<IReadOnlyList<HeldPost>> QueueAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var held = new List<HeldPost>();
        held.AddRange((await db.Notes.AsNoTracking().Where(n => n.HeldAt != null && n.RemovedAt == null).OrderBy(n => n.HeldAt).Take(PageSize)
            .Select(n => new { n.Id, n.AuthorId, n.Title, n.Body, n.HeldAt }).ToListAsync(cancellationToken))
            .Select(n => new HeldPost(ReportTarget.Note, n.Id.ToString(), n.AuthorId, $"{n.Title}\n{n.Body}", n.HeldAt!.Value)));
        held.AddRange((await db.Comments.AsNoTracking().Where(c => c.HeldAt != null && c.DeletedAt == null).OrderBy(c => c.HeldAt).Take(PageSize)
            .Select(c => new { c.Id, c.AuthorId, c.Body, c.HeldAt }).ToListAsync(cancellationToken))
            .Select(c => new HeldPost(ReportTarget.Comment, c.Id.ToString(), c.AuthorId, c.Body, c.HeldAt!.Value)));
        held.AddRange((await db.GroupThreads.AsNoTracking().Where(t => t.HeldAt != null && t.DeletedAt == null).OrderBy(t => t.HeldAt).Take(PageSize)
            .Select(t => new { t.Id, t.AuthorId, t.Title, t.Body, t.HeldAt }).ToListAsync(cancellationToken))
            .Select(t => new HeldPost(ReportTarget.Thread, t.Id.ToString(), t.AuthorId, $"{t.Title}\n{t.Body}", t.HeldAt!.Value)));
        held.AddRange((await db.GroupReplies.AsNoTracking().Where(r => r.HeldAt != null && r.DeletedAt == null).OrderBy(r => r.HeldAt).Take(PageSize)
            .Select(r => new { r.Id, r.AuthorId, r.Body, r.HeldAt }).ToListAsync(cancellationToken))
            .Select(r => new HeldPost(ReportTarget.Reply, r.Id.ToString(), r.AuthorId, r.Body, r.HeldAt!.Value)));
        held.AddRange((await db.Messages.AsNoTracking().Where(m => m.HeldAt != null && m.RefusedAt == null).OrderBy(m => m.HeldAt).Take(PageSize)
            .Select(m => new { m.Id, m.SenderId, m.Body, m.HeldAt }).ToListAsync(cancellationToken))
            .Select(m => new HeldPost(ReportTarget.Message, m.Id.ToString(), m.SenderId, m.Body ?? "", m.HeldAt!.Value)));
        held.AddRange((await db.Users.AsNoTracking().Where(u => u.ProfileHeldAt != null).OrderBy(u => u.ProfileHeldAt).Take(PageSize)
            .Select(u => new { u.Id, u.HeldDisplayName, u.HeldBio, u.ProfileHeldAt }).ToListAsync(cancellationToken))
            .Select(u => new HeldPost(ReportTarget.Profile, u.Id, u.Id, $"{u.HeldDisplayName}\n{u.HeldBio}", u.ProfileHeldAt!.Value)));
        held.AddRange((await db.Products.AsNoTracking().Where(p => p.HeldAt != null).OrderBy(p => p.HeldAt).Take(PageSize)
            .Join(db.Shops, p => p.ShopId, s => s.Id, (p, s) => new { p.Id, s.OwnerId, p.Title, p.Description, p.HeldAt }).ToListAsync(cancellationToken))
            .Select(p => new HeldPost(ReportTarget.Product, p.Id.ToString(), p.OwnerId, $"{p.Title}\n{p.Description}", p.HeldAt!.Value)));
        return held.OrderBy(h => h.HeldAt).Take(PageSize).ToList();
    }

    /// <summary>Approves a held post; returns the resource key of a refusal, or null when done.</summary>
    public static async Task<string?> ApproveAsync(AppDbContext db, StaffActor actor, ReportTarget kind, string targetId, DateTime now,
        CancellationToken cancellationToken = default)
    {
        var held = await FindAsync(db, kind, targetId, cancellationToken);
        if (held is null) return "Admin.Error.NoTarget";
        await db.InTransactionAsync(async () =>
        {
            await ReleaseAsync(db, held, now, cancellationToken);
            db.StaffAudit.Add(StaffAuditEntry.Of(actor, "screening.approve", kind.ToString(), targetId, held.AuthorId, "held", "approved", held.Text, now));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return null;
    }

    /// <summary>Removes a held post with a rule and a reason; returns the resource key of a refusal, or null when done.</summary>
    public static async Task<string?> RemoveAsync(AppDbContext db, StaffActor actor, ReportTarget kind, string targetId, ReportCategory rule, string? reasonText,
        DateTime now, CancellationToken cancellationToken = default)
    {
        var reason = Penalty.ReasonRule.Check(reasonText);
        if (reason.Problem is not null) return "Admin.Error.Reason";
        if (!Enum.IsDefined(rule)) return "Report.Error.Category";
        var held = await FindAsync(db, kind, targetId, cancellationToken);
        if (held is null) return "Admin.Error.NoTarget";
        if (kind is not (ReportTarget.Message or ReportTarget.Profile))
        {
            // The desk removes, strikes, tells the author and audits; the hold then has nothing left to hide.
            if (await ModerationDesk.ActAsync(db, actor, new ModerationOrder(kind, targetId, StaffDecision.Remove, rule, reason.Value), now, cancellationToken) is { } refused)
                return refused;
            EndHold(held.Entity);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        Refuse(held, now);
        db.StaffAudit.Add(StaffAuditEntry.Of(actor, "screening.remove", kind.ToString(), targetId, held.AuthorId, held.Text, "removed", reason.Value, now));
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private sealed record Held(object Entity, string AuthorId, string Text);

    private static async Task<Held?> FindAsync(AppDbContext db, ReportTarget kind, string targetId, CancellationToken cancellationToken)
    {
        if (kind == ReportTarget.Profile)
            return await db.Users.SingleOrDefaultAsync(u => u.Id == targetId && u.ProfileHeldAt != null, cancellationToken) is { } user
                ? new Held(user, user.Id, $"{user.HeldDisplayName}\n{user.HeldBio}") : null;
        if (!long.TryParse(targetId, out var id)) return null;
        return kind switch
        {
            ReportTarget.Note => await db.Notes.SingleOrDefaultAsync(n => n.Id == id && n.HeldAt != null && n.RemovedAt == null, cancellationToken) is { } note
                ? new Held(note, note.AuthorId, $"{note.Title}\n{note.Body}") : null,
            ReportTarget.Comment => await db.Comments.SingleOrDefaultAsync(c => c.Id == id && c.HeldAt != null && c.DeletedAt == null, cancellationToken) is { } comment
                ? new Held(comment, comment.AuthorId, comment.Body) : null,
            ReportTarget.Thread => await db.GroupThreads.SingleOrDefaultAsync(t => t.Id == id && t.HeldAt != null && t.DeletedAt == null, cancellationToken) is { } thread
                ? new Held(thread, thread.AuthorId, $"{thread.Title}\n{thread.Body}") : null,
            ReportTarget.Reply => await db.GroupReplies.SingleOrDefaultAsync(r => r.Id == id && r.HeldAt != null && r.DeletedAt == null, cancellationToken) is { } reply
                ? new Held(reply, reply.AuthorId, reply.Body) : null,
            ReportTarget.Message => await db.Messages.SingleOrDefaultAsync(m => m.Id == id && m.HeldAt != null && m.RefusedAt == null, cancellationToken) is { } message
                ? new Held(message, message.SenderId, message.Body ?? "") : null,
            ReportTarget.Product => await db.Products.Where(p => p.Id == id && p.HeldAt != null)
                .Join(db.Shops, p => p.ShopId, s => s.Id, (p, s) => new { Product = p, s.OwnerId }).SingleOrDefaultAsync(cancellationToken) is { } found
                ? new Held(found.Product, found.OwnerId, $"{found.Product.Title}\n{found.Product.Description}") : null,
            _ => null,
        };
    }

    /// <summary>
    /// What a post would have done without the hold: a note tells the people it mentions, a comment its note's
    /// people (held ones are counted from the start, as the desk's removal expects), a thread the people it
    /// mentions, a reply its thread's author, its quoted author and its mentions, a message reaches its recipient.
    /// </summary>
    private static async Task ReleaseAsync(AppDbContext db, Held held, DateTime now, CancellationToken cancellationToken)
    {
        switch (held.Entity)
        {
            case Notes.Note note:
                note.ApproveHeld();
                await NoteNotices.MentionsInNoteAsync(db, note, now, cancellationToken);
                break;
            case Social.Comment comment:
                comment.ApproveHeld();
                await NoteNotices.CommentAddedAsync(db, comment, cancellationToken);
                break;
            case GroupThread thread:
                thread.ApproveHeld();
                await GroupNotices.ThreadStartedAsync(db, await db.Groups.SingleAsync(g => g.Id == thread.GroupId, cancellationToken), thread, cancellationToken);
                break;
            case GroupReply reply:
                reply.ApproveHeld();
                await ReplyNoticesAsync(db, reply, cancellationToken);
                break;
            case Messages.Message message:
                message.ApproveHeld();
                var messageId = message.Id;
                await db.ConversationMembers.Where(m => m.ConversationId == message.ConversationId && m.LastMessageId < messageId)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LastMessageId, messageId), cancellationToken);
                break;
            case Accounts.AppUser user: user.ApproveHeldProfile(); break;
            case Product product: product.ApproveHeld(); break;
        }
    }

    /// <summary>The notices posting the reply would have given (GroupPosting.ReplyAsync); the thread's watchers are not told later.</summary>
    private static async Task ReplyNoticesAsync(AppDbContext db, GroupReply reply, CancellationToken cancellationToken)
    {
        var thread = await db.GroupThreads.SingleAsync(t => t.Id == reply.ThreadId, cancellationToken);
        var group = await db.Groups.SingleAsync(g => g.Id == thread.GroupId, cancellationToken);
        var quotedAuthorId = reply.QuoteReplyId is { } quoteId
            ? await db.GroupReplies.Where(r => r.Id == quoteId && r.DeletedAt == null && r.RemovedAt == null).Select(r => r.AuthorId).SingleOrDefaultAsync(cancellationToken)
            : null;
        await GroupNotices.ReplyAddedAsync(db, group, thread, reply, quotedAuthorId, cancellationToken);
    }

    private static void EndHold(object entity)
    {
        switch (entity)
        {
            case Notes.Note note: note.ApproveHeld(); break;
            case Social.Comment comment: comment.ApproveHeld(); break;
            case GroupThread thread: thread.ApproveHeld(); break;
            case GroupReply reply: reply.ApproveHeld(); break;
            case Product product: product.ApproveHeld(); break;
        }
    }

    /// <summary>What the staff desk has no removal for: a private message is not delivered, a held name and bio are dropped.</summary>
    private static void Refuse(Held held, DateTime now)
    {
        switch (held.Entity)
        {
            case Messages.Message message: message.Refuse(now); break;
            case Accounts.AppUser user: user.RefuseHeldProfile(); break;
        }
    }
}
