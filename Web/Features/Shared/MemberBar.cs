using Dapper;
using RedMvc.Domain.Notifications;

namespace RedMvc.Web.Features.Shared;

/// <summary>What the top bar shows the signed-in member: their avatar, unread notifications per tab and items in the cart.</summary>
public record MemberBarView(string? AvatarKey, UnreadCounts Unread, int CartItems);

/// <summary>
/// The signed-in member's top bar in one statement per request (on the index RecipientId, Tab,
/// ReadAt), shared by the layout and the notifications page. The avatar is read here and not from
/// the cookie because the avatar job finishes after the upload request has answered.
/// </summary>
public class MemberBar(AppDbContext db)
{
    private static readonly NotificationTab[] Tabs = Enum.GetValues<NotificationTab>();

    private static readonly string Sql = $"""
        SELECT u."AvatarKey", (SELECT COALESCE(SUM(c."Quantity"), 0) FROM "CartItems" c WHERE c."UserId" = @id) AS "CartItems", {string.Join(", ", Tabs.Select(tab =>
            $"""(SELECT COUNT(*) FROM "Notifications" n WHERE n."RecipientId" = @id AND n."Tab" = {(int)tab} AND n."ReadAt" IS NULL) AS "Tab{(int)tab}" """))}
        FROM "AspNetUsers" u WHERE u."Id" = @id
        """;

    private MemberBarView? _view;

    public async Task<MemberBarView> OfAsync(string memberId) => _view ??= await ReadAsync(memberId);

    private async Task<MemberBarView> ReadAsync(string memberId)
    {
        var row = await db.WithConnectionAsync(connection => connection.QuerySingleOrDefaultAsync(Sql, new { id = memberId }));
        if (row is null) return new MemberBarView(null, new UnreadCounts(new Dictionary<NotificationTab, int>()), 0);
        var fields = (IDictionary<string, object?>)row;
        return new MemberBarView((string?)fields["AvatarKey"],
            new UnreadCounts(Tabs.ToDictionary(tab => tab, tab => Convert.ToInt32(fields[$"Tab{(int)tab}"]))),
            Convert.ToInt32(fields["CartItems"]));
    }
}
