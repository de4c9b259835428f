using RedMvc.Domain.Accounts;
using RedMvc.Domain.Notifications;

namespace RedMvc.Workers.Tests;

public class PublishScheduledNotesJobTests
{
    /// <summary>A note scheduled the normal way, then moved into the past as if its time had come.</summary>
    private static async Task<long> DueNoteAsync(AppDbContext db, AppUser author, string body, NoteVisibility visibility)
    {
        var note = Note.Draft(author.Id, new NoteContent("Scheduled", body, "food", null, visibility, false), DateTime.UtcNow);
        note.AddPhoto(new NotePhoto("originals/scheduled", "x.jpg", 0));
        await NoteTagging.ApplyAsync(db, note);
        note.Schedule(DateTime.UtcNow.AddHours(2), DateTime.UtcNow, new NoteLimits());
        db.Notes.Add(note);
        await db.SaveChangesAsync();
        await db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.ScheduledFor, DateTime.UtcNow.AddMinutes(-1)));
        return note.Id;
    }

    [Fact]
    public async Task Publishing_twice_tells_the_people_a_note_mentions_once_and_only_those_who_may_see_it()
    {
        await using var host = await WorkersHost.StartAsync();
        var (friendId, publicNoteId) = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var author = await db.AddMemberAsync();
            var friend = await db.AddMemberAsync();
            var publicNote = await DueNoteAsync(db, author, $"See you @{friend.Handle}", NoteVisibility.Public);
            await DueNoteAsync(db, author, $"Friends only @{friend.Handle}", NoteVisibility.MutualFollowers); // not mutual followers
            await DueNoteAsync(db, author, $"Just me @{friend.Handle}", NoteVisibility.OnlyMe);
            return (friend.Id, publicNote);
        });

        var first = await host.InScopeAsync(sp => sp.GetRequiredService<PublishScheduledNotesJob>().PublishAllDueAsync(CancellationToken.None));
        var second = await host.InScopeAsync(sp => sp.GetRequiredService<PublishScheduledNotesJob>().PublishAllDueAsync(CancellationToken.None));
        var single = await host.InScopeAsync(sp => sp.GetRequiredService<PublishScheduledNotesJob>().PublishAsync(publicNoteId, CancellationToken.None));

        Assert.Equal((3, 0, false), (first, second, single));
        var notices = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Notifications.AsNoTracking()
            .Where(n => n.RecipientId == friendId).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal((NotificationKind.Mention, (long?)publicNoteId, (long?)null), (notice.Kind, notice.NoteId, notice.CommentId));
    }
}
