using Dapper;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Groups;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests.Groups;

/// <summary>
/// The thread-list rule's three forms (C#, LINQ through EF, SQL through Dapper) agree for every group
/// kind x viewer standing x thread state x block, on a real SQLite file through the real migrations;
/// and the page rule (MaySee) shows removed threads to their author and the moderators only.
/// </summary>
public sealed class GroupAccessTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    public enum Standing { Visitor, Stranger, Pending, Member, Banned, Moderator, Blocked }

    public enum Kind { Public, Private, Deleted }

    private MigratedSqlite _database = null!;
    private AppDbContext _db = null!;
    private string _author = "";
    private readonly Dictionary<Standing, string?> _viewers = [];
    private readonly List<(Group Group, GroupThread Thread)> _threads = [];

    public static TheoryData<Standing> Standings() => [.. Enum.GetValues<Standing>()];

    public async Task InitializeAsync()
    {
        _database = await MigratedSqlite.CreateAsync();
        _db = _database.Db;
        var author = Members.New();
        _author = author.Id;
        _db.Users.Add(author);
        foreach (var standing in Enum.GetValues<Standing>().Where(s => s != Standing.Visitor))
        {
            var viewer = Members.New();
            _db.Users.Add(viewer);
            _viewers[standing] = viewer.Id;
            if (standing == Standing.Blocked) _db.Blocks.Add(new Block(_author, viewer.Id, Now));
        }
        _viewers[Standing.Visitor] = null;
        await _db.SaveChangesAsync();

        foreach (var kind in Enum.GetValues<Kind>())
        {
            var group = Group.Create(_author, $"Group {kind}", null, null, "travel", kind == Kind.Private, Now);
            if (kind == Kind.Deleted) group.Delete(Now);
            _db.Groups.Add(group);
            await _db.SaveChangesAsync();
            _db.GroupMembers.Add(GroupMember.Owner(group.Id, _author, Now));
            foreach (var (standing, id) in _viewers.Where(v => v.Value is not null))
            {
                if (standing is Standing.Stranger) continue;
                var member = GroupMember.Joining(group.Id, id!, isPrivate: standing == Standing.Pending, Now);
                if (standing == Standing.Banned) member.Ban();
                if (standing == Standing.Moderator) member.Appoint();
                _db.GroupMembers.Add(member);
            }
            foreach (var state in new[] { "live", "removed", "deleted", "held" })
            {
                var thread = GroupThread.Start(group.Id, _author, ThreadKind.Discussion, $"{kind} {state}", "body", Now);
                if (state == "removed") thread.Remove("spam", Now);
                if (state == "held") thread.Screen(new ScreeningVerdict(ScreenAction.Hold, "vx"), Now);
                _db.GroupThreads.Add(thread);
                await _db.SaveChangesAsync();
                if (state == "deleted") await GroupPosting.DeleteThreadAsync(_db, thread, _author, Now);
                _threads.Add((group, thread));
            }
        }
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(Standings))]
    public async Task The_thread_list_is_the_same_through_the_entity_EF_and_SQL(Standing standing)
    {
        var viewer = _viewers[standing];
        var groups = await _db.Groups.AsNoTracking().ToDictionaryAsync(g => g.Id);
        var threads = await _db.GroupThreads.AsNoTracking().ToListAsync();
        var memberships = await _db.GroupMembers.AsNoTracking().Where(m => m.UserId == viewer).ToDictionaryAsync(m => m.GroupId);
        var blocked = await Blocking.EitherBlockedAsync(_db, viewer, _author);

        var byEntity = threads.Where(t => GroupAccess.MayList(t, groups[t.GroupId], memberships.GetValueOrDefault(t.GroupId), viewer, blocked))
            .Select(t => t.Id).Order().ToList();
        var byEf = await _db.GroupThreads.WhereListedFor(_db, viewer).Select(t => t.Id).OrderBy(id => id).ToListAsync();
        var bySql = (await _db.Database.GetDbConnection().QueryAsync<long>(
            $"""SELECT t."Id" FROM "GroupThreads" t WHERE {GroupAccess.ListedSql("t", "@viewer", SqlDialect.For(_db))} ORDER BY t."Id" """, new { viewer })).ToList();

        Assert.Equal(byEntity, byEf);
        Assert.Equal(byEntity, bySql);
        var expected = standing switch
        {
            Standing.Blocked => [],
            Standing.Member or Standing.Moderator => new[] { "Public live", "Private live" },
            _ => ["Public live"], // visitors, strangers, pending and banned members read public groups only
        };
        Assert.Equal(expected.Order(), threads.Where(t => byEntity.Contains(t.Id)).Select(t => t.Title).Order());
    }

    [Fact]
    public async Task A_removed_thread_stays_visible_to_its_author_and_the_moderators_only()
    {
        var removed = _threads.Single(t => t.Thread.Title == "Public removed").Thread.Id;
        Assert.NotNull(await GroupAccess.SeeThreadAsync(_db, removed, _author));
        Assert.NotNull(await GroupAccess.SeeThreadAsync(_db, removed, _viewers[Standing.Moderator]));
        Assert.Null(await GroupAccess.SeeThreadAsync(_db, removed, _viewers[Standing.Member]));
        Assert.Null(await GroupAccess.SeeThreadAsync(_db, removed, null));
    }

    [Fact]
    public async Task A_thread_held_by_screening_is_seen_and_listed_by_its_author_only()
    {
        var held = _threads.Single(t => t.Thread.Title == "Public held").Thread.Id;
        Assert.NotNull(await GroupAccess.SeeThreadAsync(_db, held, _author));
        Assert.Contains(held, await _db.GroupThreads.WhereListedFor(_db, _author).Select(t => t.Id).ToListAsync());
        foreach (var viewer in _viewers.Values)
            Assert.Null(await GroupAccess.SeeThreadAsync(_db, held, viewer));
    }

    [Fact]
    public async Task A_private_groups_thread_is_seen_by_its_active_members_only()
    {
        var thread = _threads.Single(t => t.Thread.Title == "Private live").Thread.Id;
        foreach (var (standing, viewer) in _viewers)
            Assert.Equal(standing is Standing.Member or Standing.Moderator, await GroupAccess.SeeThreadAsync(_db, thread, viewer) is not null);
    }
}
