using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Notifications;

/// <summary>Records notifications. Never to oneself, never across a block, at most once per (recipient, kind, actor, subject).</summary>
public static class Notifier
{
    /// <returns>True when this call stored a new notification.</returns>
    public static async Task<bool> NotifyAsync(AppDbContext db, Notification notification, CancellationToken cancellationToken = default)
    {
        if (notification.RecipientId == notification.ActorId) return false;
        // Staff notices reach the member even if they blocked the staff member's own account.
        if (!Notification.IsFromStaff(notification.Kind)
            && await Blocking.EitherBlockedAsync(db, notification.RecipientId, notification.ActorId, cancellationToken)) return false;
        var n = notification;
        // Often called inside the caller's transaction (a like, a comment): PostgreSQL aborts a whole
        // transaction on a failed statement, so a lost race rolls back to this savepoint only.
        var transaction = db.Database.CurrentTransaction;
        if (transaction is not null) await transaction.CreateSavepointAsync("notify", cancellationToken);
        try
        {
            var added = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO "Notifications" ("RecipientId", "ActorId", "Kind", "Tab", "NoteId", "CommentId", "GroupId", "ThreadId", "ReplyId", "SubjectKey", "CreatedAt")
                SELECT {n.RecipientId}, {n.ActorId}, {(int)n.Kind}, {(int)n.Tab}, {n.NoteId}, {n.CommentId}, {n.GroupId}, {n.ThreadId}, {n.ReplyId}, {n.SubjectKey}, {n.CreatedAt}
                WHERE NOT EXISTS (SELECT 1 FROM "Notifications" WHERE "RecipientId" = {n.RecipientId} AND "Kind" = {(int)n.Kind} AND "ActorId" = {n.ActorId} AND "SubjectKey" = {n.SubjectKey})
                """, cancellationToken);
            return added == 1;
        }
        catch (DbException)
        {
            // A parallel call won the race to the unique key: the notification exists once, as wanted.
            if (transaction is not null) await transaction.RollbackToSavepointAsync("notify", CancellationToken.None);
            return false;
        }
    }

    /// <summary>
    /// Marks the recipient's unread notifications read: one tab or all of them, and only up to the
    /// newest the recipient was shown (when given), so one arriving meanwhile stays unread.
    /// </summary>
    public static Task<int> MarkReadAsync(AppDbContext db, string recipientId, NotificationTab? tab, long? upToId, DateTime now, CancellationToken cancellationToken = default)
    {
        var unread = db.Notifications.Where(n => n.RecipientId == recipientId && n.ReadAt == null);
        if (tab is not null) unread = unread.Where(n => n.Tab == tab);
        if (upToId is not null) unread = unread.Where(n => n.Id <= upToId);
        return unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
