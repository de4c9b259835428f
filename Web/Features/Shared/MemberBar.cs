using Dapper;
using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Shared;

/// <summary>What the top bar shows the signed-in member: their avatar, unread notifications per tab, items in the cart and unread messages.</summary>
public record MemberBarView(string? AvatarKey, UnreadCounts Unread, int CartItems, int UnreadMessages);

/// <summary>
/// The signed-in member's top bar in one statement per request (on the index RecipientId, Tab,
/// ReadAt), shared by the layout and the notifications page. The avatar is read here and not from
/// the cookie because the avatar job finishes after the upload request has answered.
/// </summary>
public class MemberBar(AppDbContext db)
{
    private static readonly NotificationTab[] Tabs = Enum.GetValues<NotificationTab>();

    /// <summary>
    /// Messages to the member after their read mark, in conversations they accepted (or with people they
    /// follow) and with nobody blocked: requests wait in their own list and do not ring the badge. Only
    /// rows with something unread reach the Messages index (ConversationId, RecipientId, Id).
    /// </summary>
    private const string UnreadMessagesSql = """
        (SELECT COUNT(*) FROM "ConversationMembers" cm
            JOIN "Messages" m ON m."ConversationId" = cm."ConversationId" AND m."RecipientId" = @id AND m."Id" > cm."LastReadMessageId" AND m."HeldAt" IS NULL
            WHERE cm."MemberId" = @id AND cm."LastMessageId" > cm."LastReadMessageId"
            AND (cm."Accepted" = @accepted OR EXISTS (SELECT 1 FROM "Follows" f WHERE f."FollowerId" = @id AND f."FolloweeId" = cm."OtherMemberId"))
            AND NOT EXISTS (SELECT 1 FROM "Blocks" b WHERE (b."BlockerId" = @id AND b."BlockedId" = cm."OtherMemberId") OR (b."BlockerId" = cm."OtherMemberId" AND b."BlockedId" = @id)))
        """;

    private static readonly string Sql = $"""
        SELECT u."AvatarKey", {UnreadMessagesSql} AS "UnreadMessages", (SELECT COALESCE(SUM(c."Quantity"), 0) FROM "CartItems" c WHERE c."UserId" = @id) AS "CartItems", {string.Join(", ", Tabs.Select(tab =>
            $"""(SELECT COUNT(*) FROM "Notifications" n WHERE n."RecipientId" = @id AND n."Tab" = {(int)tab} AND n."ReadAt" IS NULL) AS "Tab{(int)tab}" """))}
        FROM "AspNetUsers" u WHERE u."Id" = @id
        """;

    private MemberBarView? _view;

    public async Task<MemberBarView> OfAsync(string memberId) => _view ??= await ReadAsync(memberId);

    /// <summary>The unread messages alone, for the live badge after a message is sent or read.</summary>
    public static Task<int> UnreadMessagesAsync(AppDbContext db, string memberId) =>
        db.WithConnectionAsync(connection => connection.ExecuteScalarAsync<int>("SELECT " + UnreadMessagesSql, new { id = memberId, accepted = true }));

    private async Task<MemberBarView> ReadAsync(string memberId)
    {
        var row = await db.WithConnectionAsync(connection => connection.QuerySingleOrDefaultAsync(Sql, new { id = memberId, accepted = true }));
        if (row is null) return new MemberBarView(null, new UnreadCounts(new Dictionary<NotificationTab, int>()), 0, 0);
        var fields = (IDictionary<string, object?>)row;
        return new MemberBarView((string?)fields["AvatarKey"],
            new UnreadCounts(Tabs.ToDictionary(tab => tab, tab => Convert.ToInt32(fields[$"Tab{(int)tab}"]))),
            Convert.ToInt32(fields["CartItems"]), Convert.ToInt32(fields["UnreadMessages"]));
    }
}
