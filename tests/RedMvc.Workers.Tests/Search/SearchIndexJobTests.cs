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

    [Fact]
    public async Task A_rebuild_writes_the_rows_the_job_writes_and_leaves_out_drafts_and_erased_members()
    {
        await using var host = await WorkersHost.StartAsync();
        await DbAsync(host, async db =>
        {
            var author = await db.AddMemberAsync(Person.New("Bulk 作者"));
            author.Bio = "喜欢 hiking 和拍照";
            await db.SaveChangesAsync();
            await db.PublishNoteAsync(author.Id, "山里的早晨 Mornings", "雾气 #徒步");
            db.Notes.Add(Note.Draft(author.Id, new NoteContent("草稿不进索引", "", "food", null, NoteVisibility.Public, false), DateTime.UtcNow));
            await db.ProductOnSaleAsync((await db.OpenShopAsync()).Id, "登山杖");
            var erased = await db.AddMemberAsync(Person.New("Erased"));
            await db.Users.Where(u => u.Id == erased.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Handle, "@erased"));
            return true;
        });
        await DrainAsync(host);
        var byJob = await DbAsync(host, IndexRowsAsync);
        Assert.DoesNotContain(byJob, row => row.Contains("草稿"));

        await host.InScopeAsync(sp => ActivatorUtilities.CreateInstance<SearchIndexJob>(sp).RebuildAsync(CancellationToken.None));

        Assert.Equal(byJob, await DbAsync(host, IndexRowsAsync));
    }

    private static async Task<List<string>> IndexRowsAsync(AppDbContext db) =>
        (await db.SearchNotes.AsNoTracking().Select(e => "note " + e.NoteId + ": " + e.Title + " | " + e.Body).ToListAsync())
        .Concat(await db.SearchProducts.AsNoTracking().Select(e => "product " + e.ProductId + ": " + e.Title + " | " + e.Body).ToListAsync())
        .Concat(await db.SearchPeople.AsNoTracking().Select(e => "person " + e.UserId + ": " + e.Title + " | " + e.Body).ToListAsync())
        .Order().ToList();
}
