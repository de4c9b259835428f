using Dapper;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Tests;

/// <summary>
/// The visibility rule's three forms (C#, LINQ through EF, SQL through Dapper) agree on every
/// status x visibility x staff moderation x relation x block, on a real SQLite file through the real migrations.
/// </summary>
public sealed class NoteAccessTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    public enum Relation { Stranger, FollowsAuthor, FollowedByAuthor, Mutual }

    public enum BlockState { None, ViewerBlockedAuthor, AuthorBlockedViewer }

    /// <summary>
    /// What staff (or screening) did to the note: removal, a hold for review and the author's suspension hide it,
    /// limited reach only keeps it out of recommendations.
    /// </summary>
    public enum Moderation { None, Removed, ReachLimited, AuthorSuspended, HeldForReview }

    private MigratedSqlite _database = null!;
    private AppDbContext _db = null!;
    private string _author = "";
    private readonly Dictionary<(Relation, BlockState), string> _viewers = [];
    private List<Note> _notes = [];
    private readonly Dictionary<long, Moderation> _moderation = [];

    private string ViewerId(Relation relation, BlockState block) => _viewers[(relation, block)];

    public static TheoryData<Relation, BlockState> Viewers()
    {
        var data = new TheoryData<Relation, BlockState>();
        foreach (var relation in Enum.GetValues<Relation>())
            foreach (var block in Enum.GetValues<BlockState>()) data.Add(relation, block);
        return data;
    }

    public async Task InitializeAsync()
    {
        _database = await MigratedSqlite.CreateAsync();
        _db = _database.Db;
        var author = Members.New();
        _author = author.Id;
        _db.Users.Add(author);
        foreach (var relation in Enum.GetValues<Relation>())
            foreach (var block in Enum.GetValues<BlockState>())
            {
                var viewer = Members.New();
                _viewers[(relation, block)] = viewer.Id;
                _db.Users.Add(viewer);
                if (relation is Relation.FollowsAuthor or Relation.Mutual) _db.Follows.Add(new Follow(viewer.Id, _author, Now));
                if (relation is Relation.FollowedByAuthor or Relation.Mutual) _db.Follows.Add(new Follow(_author, viewer.Id, Now));
                // Rows written directly, so a follow and a block can stand together: the rule must hold even then.
                if (block == BlockState.ViewerBlockedAuthor) _db.Blocks.Add(new Block(viewer.Id, _author, Now));
                if (block == BlockState.AuthorBlockedViewer) _db.Blocks.Add(new Block(_author, viewer.Id, Now));
            }
        var made = new List<(Note Note, Moderation Moderation)>();
        foreach (var status in Enum.GetValues<NoteStatus>())
            foreach (var visibility in Enum.GetValues<NoteVisibility>())
                foreach (var moderation in Enum.GetValues<Moderation>())
                    made.Add((NoteIn(_author, status, visibility, moderation), moderation));
        _db.Notes.AddRange(made.Select(m => m.Note));
        await _db.SaveChangesAsync();
        foreach (var (note, moderation) in made) _moderation[note.Id] = moderation;
        var suspended = made.Where(m => m.Moderation == Moderation.AuthorSuspended).Select(m => m.Note.Id).ToList();
        await _db.Notes.Where(n => suspended.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.AuthorSuspendedAt, Now));
        _db.ChangeTracker.Clear();
        _notes = await _db.Notes.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Note NoteIn(string author, NoteStatus status, NoteVisibility visibility, Moderation moderation)
    {
        var limits = new NoteLimits();
        var note = Note.Draft(author, new NoteContent($"{status} {visibility}", "", "food", null, visibility, false), Now);
        note.AddPhoto(new NotePhoto($"originals/{status}{visibility}", "a.jpg", 0));
        switch (status)
        {
            case NoteStatus.Scheduled: note.Schedule(Now.AddHours(2), Now, limits); break;
            case NoteStatus.Published: note.Publish(Now, limits); break;
            case NoteStatus.Deleted: note.Publish(Now, limits); note.Delete(Now); break;
        }
        Assert.Equal(status, note.Status);
        if (moderation == Moderation.Removed) note.RemoveByStaff(ReportCategory.Spam, "spam", Now);
        if (moderation == Moderation.ReachLimited) note.LimitReach(Now);
        if (moderation == Moderation.HeldForReview) note.Screen(new ScreeningVerdict(ScreenAction.Hold, "vx"), Now);
        return note;
    }

    private static ViewerRelation Expected(Relation relation, BlockState block) =>
        new(relation == Relation.Mutual, block != BlockState.None);

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task A_member_sees_the_same_notes_through_the_entity_EF_and_SQL(Relation relation, BlockState block)
    {
        var viewer = ViewerId(relation, block);
        var asked = await NoteAccess.RelationAsync(_db, viewer, _author);
        Assert.Equal(Expected(relation, block), asked);
        Assert.Equal(asked, (await NoteAccess.RelationsAsync(_db, _author, [viewer]))[viewer]);

        var seen = await AssertFormsAgreeAsync(viewer, asked);
        var expected = block != BlockState.None ? 0 : relation == Relation.Mutual ? 2 : 1;
        Assert.Equal(expected, seen.Count(id => _moderation[id] == Moderation.None));
        Assert.Equal(expected, seen.Count(id => _moderation[id] == Moderation.ReachLimited));
        Assert.Equal(seen.Count, 2 * expected);
    }

    [Fact]
    public async Task A_visitor_sees_published_public_notes_only_in_every_form()
    {
        var seen = await AssertFormsAgreeAsync(null, default);
        Assert.Equal([NoteOf(NoteStatus.Published, NoteVisibility.Public, Moderation.None), NoteOf(NoteStatus.Published, NoteVisibility.Public, Moderation.ReachLimited)], seen);
    }

    [Fact]
    public async Task The_author_sees_every_note_but_the_deleted_ones_in_every_form_removed_ones_too()
    {
        var seen = await AssertFormsAgreeAsync(_author, await NoteAccess.RelationAsync(_db, _author, _author));
        Assert.Equal(_notes.Where(n => n.Status != NoteStatus.Deleted).Select(n => n.Id).Order(), seen);
    }

    [Fact]
    public async Task Public_reach_is_the_same_through_the_entity_EF_and_SQL()
    {
        var byEntity = _notes.Where(NoteAccess.IsInPublicReach).Select(n => n.Id).Order().ToList();
        var byEf = await _db.Notes.Where(NoteAccess.InPublicReach).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        var bySql = await SqlAsync($"""SELECT n."Id" FROM "Notes" n WHERE {NoteAccess.PublicReachSql("n")}""", new { });
        Assert.Equal([NoteOf(NoteStatus.Published, NoteVisibility.Public, Moderation.None)], byEntity);
        Assert.Equal(byEntity, byEf);
        Assert.Equal(byEntity, bySql);
    }

    [Fact]
    public async Task Lists_show_only_published_notes_even_to_their_author()
    {
        var listed = await _db.Notes.WhereListedFor(_db, _author).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(_notes.Where(n => n.Status == NoteStatus.Published).Select(n => n.Id).Order(), listed);
    }

    [Fact]
    public async Task Search_finds_the_same_notes_through_the_entity_and_SQL_never_only_me_ones_and_limited_reach_only_for_their_author()
    {
        var found = new Dictionary<string, List<long>>();
        foreach (var (name, viewer) in _viewers.Select(v => (v.Key.ToString(), (string?)v.Value)).Append(("visitor", null)).Append(("author", _author)))
        {
            var relation = viewer is null ? default : await NoteAccess.RelationAsync(_db, viewer, _author);
            var byEntity = _notes.Where(n => NoteAccess.MayFind(n, viewer, relation)).Select(n => n.Id).Order().ToList();
            var bySql = await SqlAsync($"""SELECT n."Id" FROM "Notes" n WHERE {NoteAccess.MayFindSql("n", "@viewer")}""", new { viewer });
            Assert.Equal(byEntity, bySql);
            found[name] = byEntity;
        }
        var publicNote = NoteOf(NoteStatus.Published, NoteVisibility.Public, Moderation.None);
        var mutualsNote = NoteOf(NoteStatus.Published, NoteVisibility.MutualFollowers, Moderation.None);
        Assert.Equal([publicNote], found["visitor"]);
        Assert.Equal([publicNote, mutualsNote], found[(Relation.Mutual, BlockState.None).ToString()]);
        Assert.Empty(found[(Relation.Mutual, BlockState.ViewerBlockedAuthor).ToString()]);
        Assert.Equal(_notes.Where(n => n.Status == NoteStatus.Published && n.Visibility != NoteVisibility.OnlyMe).Select(n => n.Id).Order(), found["author"]);
    }

    /// <summary>Asks all three forms for this viewer, asserts they agree, and returns the ids seen.</summary>
    private async Task<List<long>> AssertFormsAgreeAsync(string? viewer, ViewerRelation relation)
    {
        var byEntity = _notes.Where(n => NoteAccess.MaySee(n, viewer, relation)).Select(n => n.Id).Order().ToList();
        var byEf = await _db.Notes.AsNoTracking().WhereMaySee(_db, viewer).Select(n => n.Id).OrderBy(id => id).ToListAsync();
        var bySql = await SqlAsync($"""SELECT n."Id" FROM "Notes" n WHERE {NoteAccess.MaySeeSql("n", "@viewer")}""", new { viewer });
        Assert.Equal(byEntity, byEf);
        Assert.Equal(byEntity, bySql);
        foreach (var note in _notes)
            Assert.Equal(byEntity.Contains(note.Id), await NoteAccess.CanSeeAsync(_db, note.Id, viewer));
        return byEntity;
    }

    private async Task<List<long>> SqlAsync(string sql, object parameters) =>
        (await _db.WithConnectionAsync(connection => connection.QueryAsync<long>(sql + " ORDER BY n.\"Id\"", parameters))).ToList();

    private long NoteOf(NoteStatus status, NoteVisibility visibility, Moderation moderation) =>
        _notes.Single(n => n.Status == status && n.Visibility == visibility && _moderation[n.Id] == moderation).Id;
}
