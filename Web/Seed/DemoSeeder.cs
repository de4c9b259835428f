using Hangfire;
using RedMvc.Domain.Notifications;
using RedMvc.Domain.Social;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Seed;

/// <summary>
/// Demo members for local runs: on the first Development start, or with --seed. The passwords are
/// local-only (README lists them); never run --seed against production.
/// </summary>
public class DemoSeeder(AppDbContext db, UserManager<AppUser> users, DemoNotes notes, DemoConversations conversations, DemoShops shops, DemoOrders orders, DemoGroups groups,
    DemoModeration moderation, IBackgroundJobClient jobs, ILogger<DemoSeeder> logger)
{
    /// <summary>Every demo account's address ends so; a database holding anyone else is not a demo to seed or resume.</summary>
    public const string DemoDomain = "redmvc.local";

    /// <summary>The demo members joined this long ago, a day apart; the readers after them; every demo note is younger.</summary>
    public static readonly TimeSpan JoinedAgo = TimeSpan.FromDays(60);

    public const string StaffEmail = "staff@redmvc.local";
    public const string AdminEmail = "admin@redmvc.local";
    public const string StaffPassword = "red-ops-local-2026";
    public const string MemberPassword = "red-member-local-2026";

    public record DemoMember(string Handle, string DisplayName, string Email, string Culture, params string[] Roles);

    public static readonly IReadOnlyList<DemoMember> Members =
    [
        new("staff", "RedMvc 运营", StaffEmail, "zh-CN", Roles.Staff, Roles.Member),
        new("ops_admin", "RedMvc 管理员", AdminEmail, "zh-CN", Roles.Admin, Roles.Member),
        new("xiaolu", "小鹿爱拍照", "xiaolu@redmvc.local", "zh-CN", Roles.Member, Roles.Creator),
        new("camping_zhou", "周末露营家", "zhou@redmvc.local", "zh-CN", Roles.Member),
        new("mia.eats", "Mia 吃遍上海", "mia@redmvc.local", "en", Roles.Member, Roles.Creator),
        new("linlin", "林林的小家", "linlin@redmvc.local", "zh-CN", Roles.Member),
        new("ahao_fit", "阿豪健身日记", "ahao@redmvc.local", "zh-CN", Roles.Member),
        new("grace.w", "Grace 穿搭", "grace@redmvc.local", "en", Roles.Member),
        new("maple_brand", "枫叶生活馆", "shop@maple.redmvc.local", "zh-CN", Roles.Member, Roles.Brand),
        new("cloud_knit", "云织 Cloud Knit", "shop@cloudknit.redmvc.local", "zh-CN", Roles.Member, Roles.Brand),
        new("peak_fit", "山顶运动", "shop@peakfit.redmvc.local", "zh-CN", Roles.Member, Roles.Brand),
    ];

    /// <summary>
    /// Seeds an empty database, or resumes a demo that a stopped run left half done (each step skips
    /// what is there already); a database with anyone but demo accounts is left alone unless forced.
    /// </summary>
    public async Task SeedAsync(bool force, DemoProgress progress, CancellationToken cancellationToken = default)
    {
        if (!force && await db.Users.AnyAsync(u => !u.Email!.EndsWith(DemoDomain), cancellationToken)) return;
        progress.Begin(await db.Notes.CountAsync(cancellationToken));
        await SeedMembersAsync();
        var authors = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoDomain) && u.Email != StaffEmail && u.Email != AdminEmail).OrderBy(u => u.Handle).Select(u => u.Id).ToListAsync(cancellationToken);
        await notes.SeedAsync(authors, progress, cancellationToken);
        await SeedFollowsAndLikesAsync(authors);
        await SeedCollectsAsync(authors);
        await conversations.SeedAsync(authors, cancellationToken);
        await groups.SeedAsync(cancellationToken);
        await shops.SeedAsync(cancellationToken);
        await orders.SeedAsync(cancellationToken);
        await PutNotificationsInTimeOrderAsync(cancellationToken);
        await moderation.SeedAsync(cancellationToken); // after the reordering: it rebuilds member notices only
        progress.Seeded();
        // Trending and the staff dashboard's figures now rather than at their jobs' next turn, so the fresh demo has them.
        jobs.Enqueue<ComputeTrendsJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<RollupDailyStatsJob>(job => job.RunAsync(CancellationToken.None));
        logger.LogInformation("Demo content seeded; its photos finish in the bulk queue");
    }

    /// <summary>
    /// The seeders act back-dated, note by note, so notifications are written out of time order, while
    /// the notifications page lists them by id (on the live site the same thing). Rewritten oldest first,
    /// the ids follow the times. Demo notifications are all unread, so nothing else is lost.
    /// </summary>
    private async Task PutNotificationsInTimeOrderAsync(CancellationToken cancellationToken)
    {
        var all = await db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        if (all.Select(n => n.Id).SequenceEqual(all.Select(n => n.Id).Order())) return;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Notifications.ExecuteDeleteAsync(cancellationToken);
        foreach (var chunk in all.Chunk(500))
        {
            db.Notifications.AddRange(chunk.Select(n => n.GroupId is { } groupId
                ? Notification.AboutGroup(n.Kind, n.RecipientId, n.ActorId, groupId, n.ThreadId, n.ReplyId, n.CreatedAt)
                : Notification.About(n.Kind, n.RecipientId, n.ActorId, n.NoteId, n.CommentId, n.CreatedAt)));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static readonly string[] BoardNames = ["周末去哪儿", "想吃的店", "穿搭灵感", "家居好物", "健身计划", "旅行清单", "好物种草"];

    /// <summary>Each demo member keeps one named board and collects every ninth note, half of them into it.</summary>
    private async Task SeedCollectsAsync(IReadOnlyList<string> members)
    {
        if (await db.Collects.AnyAsync()) return;
        var now = DateTime.UtcNow;
        var noteIds = await db.Notes.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
        for (var i = 0; i < members.Count; i++)
        {
            var board = await Collecting.CreateBoardAsync(db, members[i], BoardNames[i % BoardNames.Length], isPrivate: false, now);
            for (var n = i; n < noteIds.Count; n += 9)
                await Collecting.CollectAsync(db, members[i], noteIds[n], n % 2 == 0 ? board.Id : null, now);
        }
    }

    /// <summary>Each demo member follows the next three, and every note gets a few likes, so counts look lived-in.</summary>
    private async Task SeedFollowsAndLikesAsync(IReadOnlyList<string> members)
    {
        if (members.Count < 2 || await db.Follows.AnyAsync()) return;
        var now = DateTime.UtcNow;
        for (var i = 0; i < members.Count; i++)
        for (var k = 1; k <= Math.Min(3, members.Count - 1); k++)
            db.Follows.Add(new Follow(members[i], members[(i + k) % members.Count], now));
        await db.SaveChangesAsync();

        var noteIds = await db.Notes.OrderBy(n => n.Id).Select(n => n.Id).ToListAsync();
        foreach (var (noteId, index) in noteIds.Select((id, index) => (id, index)))
        {
            var likes = (index * 37 + 11) % (members.Count + 1); // 0 to everyone, spread so trending has something to rank
            for (var k = 0; k < likes; k++) await NoteLikes.LikeAsync(db, noteId, members[(index + k) % members.Count], now);
        }
    }

    private async Task SeedMembersAsync()
    {
        var joined = DateTime.UtcNow - JoinedAgo;
        foreach (var (member, index) in Members.Select((m, i) => (m, i)))
        {
            if (await users.FindByEmailAsync(member.Email) is not null) continue;
            var user = new AppUser
            {
                Email = member.Email,
                EmailConfirmed = true,
                UserName = member.Handle,
                Handle = member.Handle,
                DisplayName = member.DisplayName,
                Culture = member.Culture,
                CreatedAt = joined.AddDays(index),
            };
            var password = member.Email is StaffEmail or AdminEmail ? StaffPassword : MemberPassword;
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo member {Handle} not created: {Errors}", member.Handle, string.Join("; ", result.Errors.Select(e => e.Description)));
                continue;
            }
            await users.AddToRolesAsync(user, member.Roles);
        }
        logger.LogInformation("Demo members seeded (staff: {Email})", StaffEmail);
    }
}
