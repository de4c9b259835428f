using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Tests;

/// <summary>The posting workflow the composer and the seeders share, on a migrated SQLite file.</summary>
public class NotePostingTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly NoteLimits Limits = new();

    private static NotePost Post(string title = "周末露营", string body = "#露营 好开心", PostAction action = PostAction.Publish,
        DateTime? scheduleAt = null, IReadOnlyList<long>? keep = null, int newPhotos = 1) =>
        new(new NoteContent(title, body, "travel", null, NoteVisibility.Public, false), action, scheduleAt, keep ?? [], newPhotos);

    private static List<NewPhoto> Photos(int count) =>
        Enumerable.Range(1, count).Select(i => new NewPhoto($"originals/{Guid.NewGuid():N}", $"p{i}.jpg")).ToList();

    [Fact]
    public void Each_problem_names_the_field_it_belongs_to()
    {
        Assert.Contains((nameof(NoteContent.Title), "Note.Error.TitleRequired"), NotePosting.Problems(null, Post(title: " "), Limits, Now));
        Assert.Contains((NotePost.PhotosField, "Note.Error.PhotosRequired"), NotePosting.Problems(null, Post(newPhotos: 0), Limits, Now));
        Assert.Contains((NotePost.PhotosField, "Note.Error.TooManyPhotos"), NotePosting.Problems(null, Post(newPhotos: Limits.MaxPhotos + 1), Limits, Now));
        Assert.Contains((NotePost.ScheduleField, "Note.Error.ScheduleWindow"),
            NotePosting.Problems(null, Post(action: PostAction.Schedule, scheduleAt: Now.AddMinutes(10)), Limits, Now));
        Assert.Empty(NotePosting.Problems(null, Post(action: PostAction.Draft, newPhotos: 0), Limits, Now));
        Assert.Empty(NotePosting.Problems(null, Post(action: PostAction.Schedule, scheduleAt: Now.AddDays(2)), Limits, Now));
    }

    [Fact]
    public async Task A_post_is_published_with_its_photos_topics_and_a_notice_to_the_member_it_mentions()
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var author = await database.Db.AddMemberAsync();
        var friend = await database.Db.AddMemberAsync();

        var note = await NotePosting.SaveAsync(database.Db, author.Id, null, Post(body: $"#露营 和 @{friend.Handle} 一起"), Photos(2), Limits, Now);

        await using var db = database.NewContext();
        var saved = await db.Notes.Include(n => n.Photos).Include(n => n.Topics).ThenInclude(t => t.Topic).SingleAsync(n => n.Id == note.Id);
        Assert.Equal(NoteStatus.Published, saved.Status);
        Assert.Equal(Now, saved.PublishedAt);
        Assert.Equal([0, 1], saved.Photos.OrderBy(p => p.Position).Select(p => p.Position));
        Assert.Equal("露营", Assert.Single(saved.Topics).Topic.Name);
        Assert.True(await db.Notifications.AnyAsync(n => n.RecipientId == friend.Id && n.Kind == NotificationKind.Mention && n.NoteId == note.Id));
    }

    [Fact]
    public async Task An_edit_keeps_the_chosen_photos_in_the_chosen_order_adds_new_ones_after_and_drops_the_rest()
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var author = await database.Db.AddMemberAsync();
        var note = await NotePosting.SaveAsync(database.Db, author.Id, null, Post(newPhotos: 3), Photos(3), Limits, Now);
        var ids = note.Photos.OrderBy(p => p.Position).Select(p => p.Id).ToList();

        var edit = Post(title: "改过的标题", keep: [ids[2], ids[0]], newPhotos: 1);
        Assert.Empty(NotePosting.Problems(note, edit, Limits, Now));
        await NotePosting.SaveAsync(database.Db, author.Id, note, edit, Photos(1), Limits, Now.AddHours(1));

        await using var db = database.NewContext();
        var photos = await db.NotePhotos.Where(p => p.NoteId == note.Id).OrderBy(p => p.Position).ToListAsync();
        Assert.Equal(3, photos.Count);
        Assert.Equal([ids[2], ids[0]], photos.Take(2).Select(p => p.Id));
        Assert.DoesNotContain(ids[1], photos.Select(p => p.Id));
        Assert.Equal("改过的标题", (await db.Notes.SingleAsync(n => n.Id == note.Id)).Title);
    }

    [Fact]
    public async Task A_scheduled_post_waits_for_its_time()
    {
        await using var database = await MigratedSqlite.CreateAsync();
        var author = await database.Db.AddMemberAsync();

        var note = await NotePosting.SaveAsync(database.Db, author.Id, null, Post(action: PostAction.Schedule, scheduleAt: Now.AddDays(1)), Photos(1), Limits, Now);

        Assert.Equal(NoteStatus.Scheduled, note.Status);
        Assert.Equal(Now.AddDays(1), note.ScheduledFor);
        Assert.Null(note.PublishedAt);
    }
}
