using RedMvc.Domain.Search;

namespace RedMvc.Workers.Tests;

public class SearchIndexJobTests
{
    private static Task<int> DrainAsync(WorkersHost host) =>
        host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<SearchIndexJob>(sp).DrainAsync(CancellationToken.None));

    private static Task<T> DbAsync<T>(WorkersHost host, Func<AppDbContext, Task<T>> work) =>
        host.InScopeAsync(sp => work(sp.GetRequiredService<AppDbContext>()));

    [Fact]
    public async Task The_job_indexes_what_the_outbox_names_and_running_it_twice_changes_nothing()
    {
        await using var host = await WorkersHost.StartAsync();
        var (published, draft) = await DbAsync(host, async db =>
        {
            var author = await db.AddMemberAsync(Person.New("索引作者"));
            var note = await db.PublishNoteAsync(author.Id, "云南菌子火锅");
            var notLive = Note.Draft(author.Id, new NoteContent("草稿", "", "food", null, NoteVisibility.Public, false), DateTime.UtcNow);
            db.Notes.Add(notLive);
            await db.SaveChangesAsync();
            return (note.Id, notLive.Id);
        });
        Assert.True(await DbAsync(host, db => db.SearchOutbox.AnyAsync()));

        Assert.True(await DrainAsync(host) > 0);
        Assert.Equal(0, await DrainAsync(host));

        var entry = await DbAsync(host, db => db.SearchNotes.AsNoTracking().SingleAsync(e => e.NoteId == published));
        Assert.Contains("火锅", entry.Title.Split(' '));
        Assert.Contains("菌子", entry.Title.Split(' '));
        Assert.False(await DbAsync(host, db => db.SearchNotes.AnyAsync(e => e.NoteId == draft)));
        Assert.Single(await DbAsync(host, db => db.SearchPeople.ToListAsync()));
        Assert.False(await DbAsync(host, db => db.SearchOutbox.AnyAsync()));
    }

    [Fact]
    public async Task A_rebuild_indexes_everything_again_from_scratch()
    {
        await using var host = await WorkersHost.StartAsync();
        await DbAsync(host, async db =>
        {
            var author = await db.AddMemberAsync(Person.New("Rebuild"));
            await db.PublishNoteAsync(author.Id, "重建索引");
            await db.ProductOnSaleAsync((await db.OpenShopAsync()).Id, "重建的商品");
            return true;
        });
        await DrainAsync(host);
        await DbAsync(host, db => db.SearchNotes.ExecuteDeleteAsync());

        var indexed = await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<SearchIndexJob>(sp).RebuildAsync(CancellationToken.None));

        Assert.True(indexed >= 3);
        Assert.Equal(1, await DbAsync(host, db => db.SearchNotes.CountAsync()));
        Assert.Equal(1, await DbAsync(host, db => db.SearchProducts.CountAsync()));
    }
}
