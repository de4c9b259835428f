using RedMvc.Domain.Messages;
using RedMvc.Domain.Social;

namespace RedMvc.Web.Features.Messages;

/// <summary>
/// The reads of the messages pages, each a fixed number of queries: a list page reads the member's
/// own rows by the (MemberId, LastMessageId) index with the other person, the newest message and the
/// unread count as subqueries; a conversation page reads one keyset page of messages with their
/// photos, then the cards they share.
/// </summary>
public class MessageQueries(AppDbContext db, IOptions<MessageLimits> limits)
{
    private int PageSize => limits.Value.PageSize;

    /// <summary>The member's conversations (or their requests), newest first, before a LastMessageId for the next page.</summary>
    public async Task<ConversationList> ListAsync(string memberId, bool requests, long? before)
    {
        var rows = Listed(memberId, requests);
        if (before is { } id) rows = rows.Where(m => m.LastMessageId < id);
        var page = await rows.OrderByDescending(m => m.LastMessageId).Take(PageSize + 1)
            .Select(m => new
            {
                m.ConversationId,
                m.OtherMemberId,
                m.LastMessageId,
                Unread = db.Messages.Count(x => x.ConversationId == m.ConversationId && x.RecipientId == memberId && x.Id > m.LastReadMessageId && x.HeldAt == null),
            })
            .ToListAsync();
        // The people and the newest messages by key, each in one query: as subqueries EF numbers every row of their tables.
        var otherIds = page.Select(r => r.OtherMemberId).Distinct().ToList();
        var others = await db.Users.AsNoTracking().Where(u => otherIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey));
        var lastIds = page.Select(r => r.LastMessageId).ToList();
        var lasts = await db.Messages.AsNoTracking().Where(x => lastIds.Contains(x.Id))
            .Select(x => new { x.Id, x.Body, HasPhotos = x.Photos.Any(), x.CardKind, x.CreatedAt, x.SenderId, x.HeldAt })
            .ToDictionaryAsync(x => x.Id);
        var items = page.Take(PageSize).Select(r =>
        {
            // A message held back from this member (removed by staff after delivery) is not previewed to them.
            var last = lasts.GetValueOrDefault(r.LastMessageId) is { } newest && (newest.HeldAt is null || newest.SenderId == memberId) ? newest : null;
            return new ConversationItem(r.ConversationId, new Correspondent(r.OtherMemberId, others.GetValueOrDefault(r.OtherMemberId)),
                last?.Body, last?.HasPhotos == true, last?.CardKind, last?.CreatedAt ?? default, last?.SenderId == memberId, r.Unread);
        }).ToList();
        // Counted in full on both tabs: the requests tab shows one page of them, not how many there are.
        var requestCount = await Listed(memberId, requests: true).CountAsync();
        return new ConversationList(requests, items, page.Count > PageSize ? page[PageSize - 1].LastMessageId : null, requestCount);
    }

    /// <summary>
    /// The member's rows that show: something newer than what they deleted, nobody blocked either way;
    /// requests are those they have not accepted from people they do not follow.
    /// </summary>
    private IQueryable<ConversationMember> Listed(string memberId, bool requests)
    {
        var followed = db.Follows.Where(f => f.FollowerId == memberId).Select(f => f.FolloweeId);
        var blocked = Blocking.EitherWayOf(db, memberId);
        var rows = db.ConversationMembers.AsNoTracking()
            .Where(m => m.MemberId == memberId && m.LastMessageId > m.DeletedUpToId && !blocked.Contains(m.OtherMemberId));
        return requests
            ? rows.Where(m => !m.Accepted && !followed.Contains(m.OtherMemberId))
            : rows.Where(m => m.Accepted || followed.Contains(m.OtherMemberId));
    }

    /// <summary>The member's side of the conversation; null when they are not in it (the page is then a 404).</summary>
    public Task<ConversationMember?> SideAsync(long conversationId, string memberId) =>
        db.ConversationMembers.AsNoTracking().SingleOrDefaultAsync(m => m.ConversationId == conversationId && m.MemberId == memberId);

    public async Task<Correspondent> CorrespondentAsync(string otherId)
    {
        var other = await db.Users.AsNoTracking().Where(u => u.Id == otherId)
            .Select(u => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey)).SingleOrDefaultAsync();
        return new Correspondent(otherId, other is null || AccountErasure.IsTombstone(other.Handle) ? null : other);
    }

    /// <summary>The newest page of messages the member still has, or the page before a message id; in time order.</summary>
    public async Task<(IReadOnlyList<MessageView> Messages, long? EarlierBefore)> PageAsync(ConversationMember side, long? before)
    {
        var query = Visible(side);
        if (before is { } id) query = query.Where(m => m.Id < id);
        var rows = await Project(query.OrderByDescending(m => m.Id).Take(PageSize + 1), side.MemberId);
        var shown = rows.Take(PageSize).Reverse().ToList();
        return (await WithCardsAsync(shown, side.MemberId), rows.Count > PageSize ? shown[0].Id : null);
    }

    /// <summary>The messages after one the page shows, oldest first: what a page that lost its connection missed.</summary>
    public async Task<IReadOnlyList<MessageView>> AfterAsync(ConversationMember side, long afterId) =>
        await WithCardsAsync(await Project(Visible(side).Where(m => m.Id > afterId).OrderBy(m => m.Id).Take(PageSize * 4), side.MemberId), side.MemberId);

    /// <summary>The newest of the member's own messages the other has read, unless the other hides read receipts.</summary>
    public async Task<long?> SeenAsync(ConversationMember side)
    {
        var other = await db.ConversationMembers.AsNoTracking()
            .Where(m => m.ConversationId == side.ConversationId && m.MemberId == side.OtherMemberId)
            .Select(m => new { m.LastReadMessageId, Hidden = db.Users.Where(u => u.Id == m.MemberId).Select(u => u.HideReadReceipts).FirstOrDefault() })
            .SingleOrDefaultAsync();
        if (other is null || other.Hidden) return null;
        return await db.Messages.Where(m => m.ConversationId == side.ConversationId && m.SenderId == side.MemberId && m.Id <= other.LastReadMessageId && m.Id > side.DeletedUpToId)
            .MaxAsync(m => (long?)m.Id);
    }

    /// <summary>People to send something to: those of the latest conversations, then people the member follows.</summary>
    public async Task<(IReadOnlyList<AuthorView> Recent, IReadOnlyList<AuthorView> Followed)> RecipientsAsync(string memberId)
    {
        var blocked = Blocking.EitherWayOf(db, memberId);
        var recent = await db.ConversationMembers.Where(m => m.MemberId == memberId && !blocked.Contains(m.OtherMemberId))
            .OrderByDescending(m => m.LastMessageId).Take(8)
            .Join(db.Users, m => m.OtherMemberId, u => u.Id, (m, u) => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey))
            .ToListAsync();
        var followed = await db.Follows.Where(f => f.FollowerId == memberId).OrderByDescending(f => f.CreatedAt).Take(20)
            .Join(db.Users, f => f.FolloweeId, u => u.Id, (f, u) => new AuthorView(u.Id, u.Handle, u.DisplayName, u.AvatarKey))
            .ToListAsync();
        return (recent, followed.Where(f => recent.All(r => r.Id != f.Id)).ToList());
    }

    /// <summary>The title of what is shared, when the member may see it; null otherwise.</summary>
    public async Task<string?> CardTitleAsync(MessageCard card, string memberId) => card.Kind switch
    {
        MessageCardKind.Note => await db.Notes.WhereListedFor(db, memberId).Where(n => n.Id == card.Id).Select(n => n.Title).SingleOrDefaultAsync(),
        MessageCardKind.Product => await db.Products.Where(p => p.Id == card.Id && p.Status == ProductStatus.Active).Select(p => p.Title).SingleOrDefaultAsync(),
        _ => null,
    };

    /// <summary>A message screening held reaches its recipient only when staff approve it; its sender sees it marked.</summary>
    private IQueryable<Message> Visible(ConversationMember side) =>
        db.Messages.AsNoTracking().Where(m => m.ConversationId == side.ConversationId && m.Id > side.DeletedUpToId
            && (m.HeldAt == null || m.SenderId == side.MemberId));

    private sealed record Row(long Id, string SenderId, string? Body, MessageCardKind? CardKind, long? CardId, DateTime CreatedAt, List<MessagePhoto> Photos,
        DateTime? HeldAt, DateTime? RefusedAt);

    private static async Task<List<Row>> Project(IQueryable<Message> messages, string memberId) =>
        await messages.Select(m => new Row(m.Id, m.SenderId, m.Body, m.CardKind, m.CardId, m.CreatedAt, m.Photos.OrderBy(p => p.Position).ToList(), m.HeldAt, m.RefusedAt)).ToListAsync();

    /// <summary>Each message with its photos and its card, reading the shared notes and products in one query each.</summary>
    private async Task<IReadOnlyList<MessageView>> WithCardsAsync(IReadOnlyList<Row> rows, string memberId)
    {
        var noteIds = rows.Where(r => r.CardKind == MessageCardKind.Note).Select(r => r.CardId!.Value).Distinct().ToList();
        var productIds = rows.Where(r => r.CardKind == MessageCardKind.Product).Select(r => r.CardId!.Value).Distinct().ToList();
        var notes = noteIds.Count == 0 ? [] : await db.Notes.AsNoTracking().WhereListedFor(db, memberId).Where(n => noteIds.Contains(n.Id))
            .Select(n => new { n.Id, n.Title, Cover = n.Photos.OrderBy(p => p.Position).FirstOrDefault() })
            .ToDictionaryAsync(n => n.Id, n => new CardView(MessageCardKind.Note, $"/notes/{n.Id}", n.Title, n.Cover == null ? null : PhotoView.Of(n.Cover, n.Title)));
        var products = productIds.Count == 0 ? [] : await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id) && p.HeldAt == null && (p.Status == ProductStatus.Active || p.Status == ProductStatus.Archived))
            .Select(p => new { p.Id, p.Title, Cover = p.Photos.OrderBy(x => x.Position).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Id, p => new CardView(MessageCardKind.Product, $"/products/{p.Id}", p.Title, p.Cover == null ? null
                : new PhotoView(p.Cover.Id, p.Cover.Status, null, p.Cover.Width, p.Cover.Height, p.Cover.DominantColor, p.Cover.ContentHash,
                    string.IsNullOrEmpty(p.Cover.Widths) ? [] : p.Cover.Widths.Split(',').Select(int.Parse).ToList(), p.Title)));
        return rows.Select(r => new MessageView(r.Id, r.SenderId == memberId, r.Body,
            r.Photos.Select(p => new PhotoView(p.Id, p.Status, null, p.Width, p.Height, p.DominantColor, p.ContentHash, p.WidthList, "")).ToList(),
            r.CardKind is { } kind ? CardOf(kind, r.CardId!.Value, notes, products) : null, r.CreatedAt)
            {
                Screening = r.RefusedAt is not null ? "Screening.RefusedMessage" : r.HeldAt is not null ? "Screening.HeldMessage" : null,
            }).ToList();
    }

    private static CardView CardOf(MessageCardKind kind, long id, Dictionary<long, CardView> notes, Dictionary<long, CardView> products) =>
        (kind == MessageCardKind.Note ? notes : kind == MessageCardKind.Product ? products : null)?.GetValueOrDefault(id)
        ?? new CardView(kind, null, null, null);
}
