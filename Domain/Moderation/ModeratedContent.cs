using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Moderation;

/// <summary>
/// One target of a staff decision, whatever its kind: who wrote it, what it looks like for the audit
/// log, and how it is removed, restored and limited. A new kind of content (a group thread, a message)
/// is one more subclass and one more line in FindAsync.
/// </summary>
public abstract class ModeratedContent
{
    public abstract string AuthorId { get; }
    public virtual long? NoteId => null;
    public virtual long? CommentId => null;

    /// <summary>A short text of the target's state for the audit log's before and after.</summary>
    public abstract string Describe();

    /// <summary>Dismissing and penalising the author apply to everything; removal and reach to some kinds.</summary>
    public virtual bool Allows(StaffDecision action) =>
        action is StaffDecision.Dismiss or StaffDecision.Warn or StaffDecision.Mute or StaffDecision.Suspend;

    public virtual Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Not removable.");

    public virtual Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual void LimitReach(DateTime now) => throw new InvalidOperationException("No reach to limit.");

    public static async Task<ModeratedContent?> FindAsync(AppDbContext db, ReportTarget target, string targetId, CancellationToken cancellationToken = default)
    {
        var number = long.TryParse(targetId, out var n) ? n : (long?)null;
        return target switch
        {
            ReportTarget.Note when number is { } id => await db.Notes.SingleOrDefaultAsync(x => x.Id == id && x.Status != NoteStatus.Deleted, cancellationToken) is { } note
                ? new ModeratedNote(note) : null,
            ReportTarget.Comment when number is { } id => await db.Comments.SingleOrDefaultAsync(x => x.Id == id && x.DeletedAt == null, cancellationToken) is { } comment
                ? new ModeratedComment(comment) : null,
            ReportTarget.Profile => await db.Users.SingleOrDefaultAsync(u => u.Id == targetId, cancellationToken) is { } user
                ? new ModeratedProfile(user) : null,
            ReportTarget.Thread when number is { } id => await db.GroupThreads.SingleOrDefaultAsync(t => t.Id == id && t.DeletedAt == null, cancellationToken) is { } thread
                ? new ModeratedThread(thread) : null,
            ReportTarget.Reply when number is { } id => await db.GroupReplies.SingleOrDefaultAsync(r => r.Id == id && r.DeletedAt == null, cancellationToken) is { } reply
                ? new ModeratedReply(reply) : null,
            ReportTarget.Product when number is { } id => await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is { } product
                ? new ModeratedProduct(product, await db.Shops.Where(s => s.Id == product.ShopId).Select(s => new ShopOwner(s.OwnerId, s.SuspendedAt != null)).SingleAsync(cancellationToken))
                : null,
            ReportTarget.Message when number is { } id => await db.Messages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } message
                ? new ModeratedMessage(message) : null,
            _ => null,
        };
    }

    private sealed class ModeratedNote(Note note) : ModeratedContent
    {
        public override string AuthorId => note.AuthorId;
        public override long? NoteId => note.Id;

        public override string Describe() =>
            $"{(note.RemovedAt is null ? "shown" : "removed")}, reach {(note.ReachLimitedAt is null ? "full" : "limited")}: {note.Title}";

        public override bool Allows(StaffDecision action) => true;

        public override Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            note.RemoveByStaff(rule, reason, now);
            return Task.CompletedTask;
        }

        public override Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            note.RestoreByStaff();
            return Task.CompletedTask;
        }

        public override void LimitReach(DateTime now) => note.LimitReach(now);
    }

    /// <summary>A removed comment no longer counts on its note, as a deleted one does not.</summary>
    private sealed class ModeratedComment(Comment comment) : ModeratedContent
    {
        public override string AuthorId => comment.AuthorId;
        public override long? NoteId => comment.NoteId;
        public override long? CommentId => comment.Id;
        public override string Describe() => $"{(comment.IsRemoved ? "removed" : "shown")}: {comment.Body}";

        public override bool Allows(StaffDecision action) => action != StaffDecision.LimitReach;

        public override async Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            if (!comment.IsRemoved) await CountAsync(db, -1, cancellationToken);
            comment.RemoveByStaff(rule, reason, now);
        }

        public override async Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            if (comment.IsRemoved) await CountAsync(db, +1, cancellationToken);
            comment.RestoreByStaff();
        }

        private Task<int> CountAsync(AppDbContext db, int change, CancellationToken cancellationToken) =>
            db.Notes.Where(n => n.Id == comment.NoteId).ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount, n => n.CommentCount + change), cancellationToken);
    }

    /// <summary>A group thread staff remove leaves its group's list and count, as a group moderator's removal does.</summary>
    private sealed class ModeratedThread(GroupThread thread) : ModeratedContent
    {
        public override string AuthorId => thread.AuthorId;
        public override string Describe() => $"{(thread.IsRemoved ? "removed" : "shown")}: {thread.Title}";
        public override bool Allows(StaffDecision action) => action != StaffDecision.LimitReach;

        public override async Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            if (!thread.IsRemoved) await CountAsync(db, -1, cancellationToken);
            thread.Remove(reason, now);
        }

        public override async Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            if (thread.IsRemoved) await CountAsync(db, +1, cancellationToken);
            thread.Restore();
        }

        private Task<int> CountAsync(AppDbContext db, int change, CancellationToken cancellationToken) =>
            db.Groups.Where(g => g.Id == thread.GroupId).ExecuteUpdateAsync(s => s.SetProperty(g => g.ThreadCount, g => g.ThreadCount + change), cancellationToken);
    }

    /// <summary>A reply staff remove becomes the "removed" placeholder for readers and its author sees the reason.</summary>
    private sealed class ModeratedReply(GroupReply reply) : ModeratedContent
    {
        public override string AuthorId => reply.AuthorId;
        public override string Describe() => $"{(reply.IsRemoved ? "removed" : "shown")}: {reply.Body}";
        public override bool Allows(StaffDecision action) => action != StaffDecision.LimitReach;

        public override async Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            if (!reply.IsRemoved) await GroupPosting.ReplyGoneAsync(db, reply, cancellationToken);
            reply.Remove(reason, now);
        }

        public override async Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            if (reply.IsRemoved) await GroupPosting.ReplyBackAsync(db, reply, cancellationToken);
            reply.Restore();
        }
    }

    private sealed record ShopOwner(string OwnerId, bool ShopSuspended);

    /// <summary>A reported product is taken down as staff do from its admin page (its brand sees the reason), and its brand owner answers for it.</summary>
    private sealed class ModeratedProduct(Product product, ShopOwner shop) : ModeratedContent
    {
        public override string AuthorId => shop.OwnerId;
        public override string Describe() => $"{product.Status}: {product.Title}";
        public override bool Allows(StaffDecision action) => action != StaffDecision.LimitReach;

        public override Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            product.TakeDown(reason, now);
            return Task.CompletedTask;
        }

        public override Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            product.RestoreFromTakedown(shop.ShopSuspended);
            return Task.CompletedTask;
        }
    }

    /// <summary>A reported message staff remove is taken back from its recipient; its sender sees it as not delivered.</summary>
    private sealed class ModeratedMessage(Messages.Message message) : ModeratedContent
    {
        public override string AuthorId => message.SenderId;
        public override string Describe() => $"{(message.RefusedAt is not null ? "removed" : message.HeldAt is not null ? "held" : "delivered")}: {message.Body}";
        public override bool Allows(StaffDecision action) => action != StaffDecision.LimitReach;

        public override Task RemoveAsync(AppDbContext db, ReportCategory rule, string reason, DateTime now, CancellationToken cancellationToken)
        {
            message.Refuse(now);
            return Task.CompletedTask;
        }

        /// <summary>Only what staff refused comes back here; a message screening holds is approved from the held queue, which delivers it.</summary>
        public override Task RestoreAsync(AppDbContext db, CancellationToken cancellationToken)
        {
            if (message.RefusedAt is not null) message.Restore();
            return Task.CompletedTask;
        }
    }

    private sealed class ModeratedProfile(AppUser user) : ModeratedContent
    {
        public override string AuthorId => user.Id;
        public override string Describe() => $"@{user.Handle} {user.DisplayName}: {user.Bio}";
    }
}
