using Dapper;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests;

/// <summary>
/// The visibility rule's three forms (C#, LINQ through EF, SQL through Dapper) agree on every
/// status x visibility x relation x block, on a real SQLite file through the real migrations.
/// </summary>
public sealed class NoteAccessTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private const string Author = "author";

    public enum Relation { Stranger, FollowsAuthor, FollowedByAuthor, Mutual }

    public enum BlockState { None, ViewerBlockedAuthor, AuthorBlockedViewer }

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"redmvc-access-{Guid.NewGuid():N}.db");
    private AppDbContext _db = null!;
    private readonly List<Note> _notes = [];

    private static string ViewerId(Relation relation, BlockState block) => $"{relation}-{block}".ToLowerInvariant();

    public static TheoryData<Relation, BlockState> Viewers()
    {
        var data = new TheoryData<Relation, BlockState>();
        foreach (var relation in Enum.GetValues<Relation>())
            foreach (var block in Enum.GetValues<BlockState>()) data.Add(relation, block);
        return data;
    }

    public async Task InitializeAsync()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_file}" });
        _db = new AppDbContext(builder.Options);
        await _db.Database.MigrateAsync();

        _db.Users.Add(Person(Author));
        foreach (var relation in Enum.GetValues<Relation>())
            foreach (var block in Enum.GetValues<BlockState>())
            {
                var id = ViewerId(relation, block);
                _db.Users.Add(Person(id));
                if (relation is Relation.FollowsAuthor or Relation.Mutual) _db.Follows.Add(new Follow(id, Author, Now));
                if (relation is Relation.FollowedByAuthor or Relation.Mutual) _db.Follows.Add(new Follow(Author, id, Now));
                // Rows written directly, so a follow and a block can stand together: the rule must hold even then.
                if (block == BlockState.ViewerBlockedAuthor) _db.Blocks.Add(new Block(id, Author, Now));
                if (block == BlockState.AuthorBlockedViewer) _db.Blocks.Add(new Block(Author, id, Now));
            }
        foreach (var status in Enum.GetValues<NoteStatus>())
            foreach (var visibility in Enum.GetValues<NoteVisibility>())
                _notes.Add(NoteIn(status, visibility));
        _db.Notes.AddRange(_notes);
        await _db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
    }

    private static AppUser Person(string id) => new() { Id = id, UserName = id, Handle = id, DisplayName = id, Email = $"{id}@example.com" };

    private static Note NoteIn(NoteStatus status, NoteVisibility visibility)
    {
        var limits = new NoteLimits();
        var note = Note.Draft(Author, new NoteContent($"{status} {visibility}", "", "food", null, visibility, false), Now);
        note.AddPhoto(new NotePhoto($"originals/{status}{visibility}", "a.jpg", 0));
        switch (status)
        {
            case NoteStatus.Scheduled: note.Schedule(Now.AddHours(2), Now, limits); break;
            case NoteStatus.Published: note.Publish(Now, limits); break;
            case NoteStatus.Deleted: note.Publish(Now, limits); note.Delete(Now); break;
        }
        Assert.Equal(status, note.Status);
        return note;
    }

    private static ViewerRelation Expected(Relation relation, BlockState block) =>
        new(relation == Relation.Mutual, block != BlockState.None);

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task A_member_sees_the_same_notes_through_the_entity_EF_and_SQL(Relation relation, BlockState block)
    {
        var viewer = ViewerId(relation, block);
        var asked = await NoteAccess.RelationAsync(_db, viewer, Author);
        Assert.Equal(Expected(relation, block), asked);
        Assert.Equal(asked, (await NoteAccess.RelationsAsync(_db, Author, [viewer]))[viewer]);

        var seen = await AssertFormsAgreeAsync(viewer, asked);
        var expected = block != BlockState.None ? 0 : relation == Relation.Mutual ? 2 : 1;
        Assert.Equal(expected, seen.Count);
    }

    [Fact]
    public async Task A_visitor_sees_published_public_notes_only_in_every_form()
    {
        var seen = await AssertFormsAgreeAsync(null, default);
        Assert.Equal([NoteOf(NoteStatus.Published, NoteVisibility.Public)], seen);
    }

    [Fact]
    public async Task The_author_sees_every_note_but_the_deleted_ones_in_every_form()
    {
        var seen = await AssertFormsAgreeAsync(Author, await NoteAccess.RelationAsync(_db, Author, Author));
        Assert.Equal(_notes.Where(n => n.Status != NoteStatus.Deleted).Select(n => n.Id).Order(), seen);
    }

    [Fact]
    public async Task Public_reach_is_the_same_through_the_entity_EF_and_SQL()
    {
        var byEntity = _notes.Where(NoteAccess.IsInPublicReach).Select(n => n.Id).Order().ToList();
        var byEf = await _db.Notes.Where(NoteAccess.InPublicReach).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        var bySql = await SqlAsync($"SELECT n.Id FROM Notes n WHERE {NoteAccess.PublicReachSql("n")}", new { });
        Assert.Equal([NoteOf(NoteStatus.Published, NoteVisibility.Public)], byEntity);
        Assert.Equal(byEntity, byEf);
        Assert.Equal(byEntity, bySql);
    }

    [Fact]
    public async Task Lists_show_only_published_notes_even_to_their_author()
    {
        var listed = await _db.Notes.WhereListedFor(_db, Author).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(_notes.Where(n => n.Status == NoteStatus.Published).Select(n => n.Id).Order(), listed);
    }

    /// <summary>Asks all three forms for this viewer, asserts they agree, and returns the ids seen.</summary>
    private async Task<List<long>> AssertFormsAgreeAsync(string? viewer, ViewerRelation relation)
    {
        var byEntity = _notes.Where(n => NoteAccess.MaySee(n, viewer, relation)).Select(n => n.Id).Order().ToList();
        var byEf = await _db.Notes.AsNoTracking().WhereMaySee(_db, viewer).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        var bySql = await SqlAsync($"SELECT n.Id FROM Notes n WHERE {NoteAccess.MaySeeSql("n", "@viewer")}", new { viewer });
        Assert.Equal(byEntity, byEf);
        Assert.Equal(byEntity, bySql);
        foreach (var note in _notes)
            Assert.Equal(byEntity.Contains(note.Id), await NoteAccess.CanSeeAsync(_db, note.Id, viewer));
        return byEntity;
    }

    private async Task<List<long>> SqlAsync(string sql, object parameters) =>
        (await _db.WithConnectionAsync(connection => connection.QueryAsync<long>(sql + " ORDER BY n.Id", parameters))).ToList();

    private long NoteOf(NoteStatus status, NoteVisibility visibility) =>
        _notes.Single(n => n.Status == status && n.Visibility == visibility).Id;
}
