namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class NoteTaggingTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Two_notes_saved_together_that_name_the_same_new_topic_share_one_topic()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var author = await db.AddMemberAsync();
        var topic = "话题" + Guid.NewGuid().ToString("N")[..6];

        foreach (var title in new[] { "第一篇", "第二篇" })
        {
            var note = Note.Draft(author.Id, new NoteContent(title, $"#{topic} 同一个新话题", "food", null, NoteVisibility.Public, false), DateTime.UtcNow);
            note.AddPhoto(new NotePhoto($"originals/{Guid.NewGuid():N}", "x.jpg", 0));
            await NoteTagging.ApplyAsync(db, note);
            note.Publish(DateTime.UtcNow, new NoteLimits());
            db.Notes.Add(note);
        }
        await db.SaveChangesAsync(); // the demo seeder saves notes in batches like this

        var normalized = Topic.Normalize(topic);
        Assert.Equal(1, await db.Topics.CountAsync(t => t.NormalizedName == normalized));
    }
}
