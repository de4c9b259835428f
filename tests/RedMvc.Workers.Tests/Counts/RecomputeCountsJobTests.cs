using RedMvc.Domain.Social;

namespace RedMvc.Workers.Tests.Counts;

public class RecomputeCountsJobTests
{
    private static Task<int> RunAsync(WorkersHost host) =>
        host.InScopeAsync(sp => sp.GetRequiredService<RecomputeCountsJob>().RunAsync(CancellationToken.None));

    [Fact]
    public async Task Drifted_counts_are_put_right_and_a_second_run_changes_nothing()
    {
        await using var host = await WorkersHost.StartAsync();
        var (noteId, commentId) = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var now = DateTime.UtcNow;
            var author = await db.AddMemberAsync();
            var fans = await db.AddMembersAsync(3);
            var note = Note.Draft(author.Id, new NoteContent("Counts", "", "food", null, NoteVisibility.Public, false), now);
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            foreach (var fan in fans) await NoteLikes.LikeAsync(db, note.Id, fan.Id, now);
            var comment = Comment.OnNote(note.Id, fans[0].Id, "好看", now);
            await NoteComments.AddAsync(db, comment);
            await NoteComments.AddAsync(db, Comment.OnNote(note.Id, fans[1].Id, "删掉的", now));
            await NoteComments.DeleteAsync(db, comment.Id + 1, now);
            await CommentLikes.LikeAsync(db, comment.Id, fans[2].Id, now);
            var board = Board.DefaultFor(fans[2].Id, now);
            db.Boards.Add(board);
            await db.SaveChangesAsync();
            db.Collects.Add(new Collect(fans[2].Id, note.Id, board.Id, now));
            await db.SaveChangesAsync();
            // Drift, as a crash or an account deletion could leave it.
            await db.Notes.Where(n => n.Id == note.Id).ExecuteUpdateAsync(s => s
                .SetProperty(n => n.LikeCount, 99).SetProperty(n => n.CommentCount, -4).SetProperty(n => n.CollectCount, 0));
            await db.Comments.Where(c => c.Id == comment.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LikeCount, 7));
            return (note.Id, comment.Id);
        });

        Assert.Equal(2, await RunAsync(host));
        Assert.Equal(0, await RunAsync(host));

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var note = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == noteId);
            Assert.Equal((3, 1, 1), (note.LikeCount, note.CommentCount, note.CollectCount));
            Assert.Equal(1, await db.Comments.Where(c => c.Id == commentId).Select(c => c.LikeCount).SingleAsync());
        });
    }
}
