using RedMvc.Workers.Files;
using RedMvc.Workers.Tests.Commerce;

namespace RedMvc.Workers.Tests.Accounts;

public class DeleteAvatarFilesJobTests
{
    private static async Task SaveAvatarFilesAsync(IFileStore files, string key)
    {
        foreach (var size in new[] { 96, 320 })
            foreach (var extension in new[] { "webp", "jpg" })
                await files.SaveAsync(ProcessAvatarJob.PublicKey(key, size, extension), new MemoryStream([1, 2, 3]));
    }

    [Fact]
    public async Task An_avatar_nobody_shows_is_removed_and_one_still_in_use_stays()
    {
        await using var host = await WorkersHost.StartAsync();
        var files = host.Services.GetRequiredService<IFileStore>();
        await SaveAvatarFilesAsync(files, "aaaaaaaaaaaaaaaa");
        await SaveAvatarFilesAsync(files, "bbbbbbbbbbbbbbbb");
        await host.Services.WithDbAsync(async db =>
        {
            (await db.AddMemberAsync()).AvatarKey = "bbbbbbbbbbbbbbbb"; // someone else uploaded the same photo
            await db.SaveChangesAsync();
        });

        foreach (var _ in new[] { 1, 2 })
            foreach (var key in new[] { "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb" })
                await host.InScopeAsync(sp => sp.GetRequiredService<DeleteAvatarFilesJob>().RunAsync(key, CancellationToken.None));

        Assert.False(await files.ExistsAsync(ProcessAvatarJob.PublicKey("aaaaaaaaaaaaaaaa", 96, "jpg")));
        Assert.False(await files.ExistsAsync(ProcessAvatarJob.PublicKey("aaaaaaaaaaaaaaaa", 320, "webp")));
        Assert.True(await files.ExistsAsync(ProcessAvatarJob.PublicKey("bbbbbbbbbbbbbbbb", 96, "jpg")));
        Assert.True(await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.AvatarKey == "bbbbbbbbbbbbbbbb")));
    }
}
