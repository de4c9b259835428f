using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Messages;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Search;

namespace RedMvc.Domain.Accounts;

/// <summary>
/// Erases one account in one database transaction: either all of it happens or none of it does.
/// What the law makes us keep (orders, payments, the stock ledger, a brand's shop behind its orders)
/// stays, scrubbed of the person and owned by a tombstone: a fresh anonymous account that cannot sign
/// in and cannot be found by handle. Everything else the account owns is removed, and the stored
/// counters of other people's notes and comments are corrected in the same statements.
/// Files (photos, avatar, export) and the goodbye mail come after the commit, from the caller.
/// </summary>
public static class AccountErasure
{
    /// <summary>What stands where a name, phone, address or shop name was.</summary>
    public const string Scrubbed = "—";

    /// <summary>A buyer may leave with orders that need nobody any more; delivered ones give up the return.</summary>
    private static readonly OrderStatus[] BuyerOpen =
        [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.ReturnRequested];

    /// <summary>A shop stays open while a delivered order can still come back.</summary>
    private static readonly OrderStatus[] ShopOpen =
        [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.ReturnRequested];

    /// <summary>Tombstone handles start with '@', which handle lookups strip, so no address reaches them.</summary>
    public static bool IsTombstone(string handle) => handle.StartsWith('@');

    public static async Task<ErasureResult> EraseAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.NormalizedEmail, u.AvatarKey, u.AvatarPendingKey }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The account to erase does not exist.");
        var shop = await db.Shops.AsNoTracking().Where(s => s.OwnerId == userId).Select(s => new { s.Id, s.LogoKey }).SingleOrDefaultAsync(cancellationToken);
        var problems = await ProblemsAsync(db, userId, shop?.Id, cancellationToken);
        if (problems.Count > 0) return new ErasureResult.Refused(problems);

        var export = await DataExports.FindAsync(db, userId, cancellationToken);
        var noteIds = await db.Notes.Where(n => n.AuthorId == userId).OrderBy(n => n.Id).Select(n => n.Id).ToListAsync(cancellationToken);
        var tombstone = await NeedsTombstoneAsync(db, userId, noteIds.Count > 0 || shop is not null, cancellationToken)
            ? await AddTombstoneAsync(db, now, cancellationToken)
            : null;

        await TakeBackEngagementAsync(db, userId, cancellationToken);
        if (noteIds.Count > 0) await EraseNotesAsync(db, userId, tombstone!, now, cancellationToken);
        await EraseCommentsAsync(db, userId, tombstone, now, cancellationToken);
        await GroupErasure.EraseAsync(db, userId, tombstone, now, cancellationToken);
        await RemoveTiesAsync(db, userId, now, cancellationToken);
        await EraseMessagesAsync(db, userId, cancellationToken);
        if (tombstone is not null) await KeepRecordsAsync(db, userId, tombstone, shop?.Id, now, cancellationToken);
        if (user.NormalizedEmail is { } email)
        {
            // Copies of mail already sent to them (links, order summaries) go; the outbox key stores addresses lower-cased.
            var recipient = email.ToLowerInvariant();
            await db.EmailOutbox.Where(m => m.Recipient == recipient && m.SentAt != null).ExecuteDeleteAsync(cancellationToken);
            // Notification mail not yet sent stays unsent: nothing goes to an erased address but the goodbye.
            await db.EmailOutbox.Where(m => m.Recipient == recipient && m.UnsubscribeUrl != null).ExecuteDeleteAsync(cancellationToken);
        }

        // The row itself: Identity's roles, claims, logins and tokens (the data export's too) cascade with it.
        if (await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken) != 1)
            throw new InvalidOperationException("The account disappeared while it was being erased.");
        await transaction.CommitAsync(cancellationToken);

        return new ErasureResult.Erased(new ErasedAccount(userId, tombstone?.Id, noteIds, user.AvatarKey, user.AvatarPendingKey, shop?.LogoKey, export?.Key));
    }

    /// <summary>Orders someone still has to act on: the member settles them first (resource keys).</summary>
    private static async Task<List<string>> ProblemsAsync(AppDbContext db, string userId, long? shopId, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (await db.Orders.AnyAsync(o => o.BuyerId == userId && (BuyerOpen.Contains(o.Status)
                || (o.PaidAt != null && o.RefundIssuedAt == null && (o.Status == OrderStatus.Cancelled || o.Status == OrderStatus.Refunded))), cancellationToken))
            problems.Add("Erasure.Error.OpenOrders");
        if (shopId is { } id && await db.Orders.AnyAsync(o => o.ShopId == id && (ShopOpen.Contains(o.Status)
                || (o.PaidAt != null && o.RefundIssuedAt == null && (o.Status == OrderStatus.Cancelled || o.Status == OrderStatus.Refunded))), cancellationToken))
            problems.Add("Erasure.Error.OpenShopOrders");
        return problems;
    }

    /// <summary>Only when a kept row must point at someone: a plain reader who never bought leaves nothing behind.</summary>
    private static async Task<bool> NeedsTombstoneAsync(AppDbContext db, string userId, bool hasNotesOrShop, CancellationToken cancellationToken) =>
        hasNotesOrShop
        || await db.Orders.AnyAsync(o => o.BuyerId == userId, cancellationToken)
        || await db.Payments.AnyAsync(p => p.BuyerId == userId, cancellationToken)
        || await db.OrderLines.AnyAsync(l => l.CreatorId == userId, cancellationToken)
        || await db.OrderEvents.AnyAsync(e => e.ByUserId == userId, cancellationToken)
        || await db.Comments.AnyAsync(c => c.AuthorId == userId && c.ParentId == null && db.Comments.Any(r => r.ParentId == c.Id && r.AuthorId != userId), cancellationToken)
        || await GroupErasure.NeedsTombstoneAsync(db, userId, cancellationToken);

    /// <summary>An account nobody can use: no email, no password, locked out for good, a handle no address reaches.</summary>
    private static async Task<AppUser> AddTombstoneAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var handle = "@" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var tombstone = new AppUser
        {
            UserName = handle,
            NormalizedUserName = handle.ToUpperInvariant(),
            Handle = handle,
            DisplayName = Scrubbed,
            CreatedAt = now,
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue,
            SecurityStamp = Guid.NewGuid().ToString("N"),
        };
        db.Users.Add(tombstone);
        await db.SaveChangesAsync(cancellationToken);
        return tombstone;
    }

    /// <summary>Their likes, collects and comment likes go, and the counts they were part of go down with them.</summary>
    private static async Task TakeBackEngagementAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        await db.Notes.Where(n => db.NoteLikes.Any(l => l.NoteId == n.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LikeCount, n => n.LikeCount - 1), cancellationToken);
        await db.NoteLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notes.Where(n => db.Collects.Any(c => c.NoteId == n.Id && c.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CollectCount, n => n.CollectCount - 1), cancellationToken);
        await db.Collects.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => db.CommentLikes.Any(l => l.CommentId == c.Id && l.UserId == userId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, c => c.LikeCount - 1), cancellationToken);
        await db.CommentLikes.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Their notes end as Deleted husks of the tombstone, text scrubbed, so the photo job can still find
    /// and remove their photos after the commit. What others hung on them (likes, collects, comments,
    /// notifications, trending rows) goes now: nobody can see those notes again.
    /// </summary>
    private static async Task EraseNotesAsync(AppDbContext db, string userId, AppUser tombstone, DateTime now, CancellationToken cancellationToken)
    {
        var theirs = db.Notes.Where(n => n.AuthorId == userId).Select(n => n.Id);
        await db.NoteLikes.Where(l => theirs.Contains(l.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.Collects.Where(c => theirs.Contains(c.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NotInterested.Where(n => theirs.Contains(n.NoteId)).ExecuteDeleteAsync(cancellationToken);
        // Replies first: a reply holds its top-level comment (no cascade between comments).
        await db.Comments.Where(c => theirs.Contains(c.NoteId) && c.ParentId != null).ExecuteDeleteAsync(cancellationToken);
        await db.Comments.Where(c => theirs.Contains(c.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteTopics.Where(t => theirs.Contains(t.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteMentions.Where(m => theirs.Contains(m.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteProducts.Where(p => theirs.Contains(p.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteScores.Where(s => theirs.Contains(s.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.SearchNotes.Where(e => theirs.Contains(e.NoteId)).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.NoteId != null && theirs.Contains(n.NoteId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.NotePhotos.Where(p => theirs.Contains(p.NoteId))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.AltText, (string?)null).SetProperty(p => p.OriginalFileName, ""), cancellationToken);
        await db.Notes.Where(n => n.AuthorId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.AuthorId, tombstone.Id)
            .SetProperty(n => n.Status, NoteStatus.Deleted)
            .SetProperty(n => n.Title, "")
            .SetProperty(n => n.Body, "")
            .SetProperty(n => n.Place, (string?)null)
            .SetProperty(n => n.ScheduledFor, (DateTime?)null)
            .SetProperty(n => n.LikeCount, 0)
            .SetProperty(n => n.CollectCount, 0)
            .SetProperty(n => n.CommentCount, 0)
            .SetProperty(n => n.UpdatedAt, now), cancellationToken);
    }

    /// <summary>
    /// Their comments on others' notes stop counting. A top-level comment someone answered stays as a
    /// "deleted" placeholder of the tombstone so the answers keep their place; everything else goes.
    /// </summary>
    private static async Task EraseCommentsAsync(AppDbContext db, string userId, AppUser? tombstone, DateTime now, CancellationToken cancellationToken)
    {
        await db.Notes.Where(n => db.Comments.Any(c => c.NoteId == n.Id && c.AuthorId == userId && c.DeletedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.CommentCount,
                n => n.CommentCount - db.Comments.Count(c => c.NoteId == n.Id && c.AuthorId == userId && c.DeletedAt == null)), cancellationToken);
        await db.Comments.Where(c => c.ReplyToUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReplyToUserId, (string?)null), cancellationToken);
        // Replies are leaves (threads are two levels deep), so theirs can go at once.
        await db.Comments.Where(c => c.AuthorId == userId && c.ParentId != null).ExecuteDeleteAsync(cancellationToken);
        if (tombstone is not null)
        {
            var answered = db.Comments.Where(c => c.AuthorId == userId && c.ParentId == null && db.Comments.Any(r => r.ParentId == c.Id));
            await db.CommentLikes.Where(l => answered.Any(c => c.Id == l.CommentId)).ExecuteDeleteAsync(cancellationToken);
            await answered.ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AuthorId, tombstone.Id)
                .SetProperty(c => c.Body, "")
                .SetProperty(c => c.DeletedAt, c => c.DeletedAt ?? now)
                .SetProperty(c => c.LikeCount, 0), cancellationToken);
        }
        await db.Comments.Where(c => c.AuthorId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Follows, blocks, mentions, boards, notifications, addresses, the cart and mail choices: theirs, either way round.</summary>
    private static async Task RemoveTiesAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Follows.Where(f => f.FollowerId == userId || f.FolloweeId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Blocks.Where(b => b.BlockerId == userId || b.BlockedId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NoteMentions.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.NotInterested.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Boards.Where(b => b.OwnerId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.RecipientId == userId || n.ActorId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Addresses.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.CartItems.Where(i => i.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Reports.Where(r => r.ReporterId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.SearchPeople.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        // One more look for the index job: a run that read them just before this commit may write their row back, and this takes it out again.
        SearchOutbox.Add(db, SearchKind.Person, [userId], now);
        await db.SaveChangesAsync(cancellationToken);
        await db.RecentSearches.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.EmailPreferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.LastSeen.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Their messages and their side of each conversation go. The other member keeps their own messages
    /// (the conversation then reads as with a deleted account, and refuses new ones); a conversation
    /// nobody is left in goes whole. Their photos' files stay, under content-hash names no page links.
    /// </summary>
    private static async Task EraseMessagesAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        await db.Messages.Where(m => m.SenderId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationMembers.Where(m => m.MemberId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationMembers.Where(m => m.OtherMemberId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastMessageId,
            m => db.Messages.Where(x => x.ConversationId == m.ConversationId).Max(x => (long?)x.Id) ?? 0), cancellationToken);
        await db.Conversations.Where(c => (c.MemberAId == userId || c.MemberBId == userId) && !db.ConversationMembers.Any(m => m.ConversationId == c.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// Orders, payments, timelines, attribution and the stock ledger stay for the books, pointing at the
    /// tombstone, with the shipping address scrubbed. A brand's shop closes: its name, handle,
    /// description and logo go, products on sale are archived (orders and notes still link to them).
    /// </summary>
    private static async Task KeepRecordsAsync(AppDbContext db, string userId, AppUser tombstone, long? shopId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Orders.Where(o => o.BuyerId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.BuyerId, tombstone.Id)
            .SetProperty(o => o.Address.Name, Scrubbed)
            .SetProperty(o => o.Address.Phone, Scrubbed)
            .SetProperty(o => o.Address.Province, Scrubbed)
            .SetProperty(o => o.Address.City, Scrubbed)
            .SetProperty(o => o.Address.District, Scrubbed)
            .SetProperty(o => o.Address.Line, Scrubbed), cancellationToken);
        await db.Payments.Where(p => p.BuyerId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.BuyerId, tombstone.Id), cancellationToken);
        await db.OrderEvents.Where(e => e.ByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ByUserId, tombstone.Id), cancellationToken);
        await db.OrderLines.Where(l => l.CreatorId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CreatorId, tombstone.Id), cancellationToken);
        await db.StockAdjustments.Where(a => a.ByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ByUserId, tombstone.Id), cancellationToken);
        if (shopId is not { } id) return;
        await db.Shops.Where(s => s.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.OwnerId, tombstone.Id)
            .SetProperty(x => x.Handle, tombstone.Handle)
            .SetProperty(x => x.Name, Scrubbed)
            .SetProperty(x => x.Description, (string?)null)
            .SetProperty(x => x.LogoKey, (string?)null), cancellationToken);
        // Drafts stay drafts of nobody (never public); what was on sale stays reachable, no longer sold (nor found).
        await db.SearchProducts.Where(e => db.Products.Any(p => p.Id == e.ProductId && p.ShopId == id)).ExecuteDeleteAsync(cancellationToken);
        await db.Products.Where(p => p.ShopId == id && p.Status == ProductStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProductStatus.Archived).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        // A product staff withheld goes back to its saved status if restored: that must not be "on sale" for a shop without an owner.
        await db.Products.Where(p => p.ShopId == id && p.StatusBeforeTakedown == ProductStatus.Active)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.StatusBeforeTakedown, ProductStatus.Archived), cancellationToken);
    }
}
