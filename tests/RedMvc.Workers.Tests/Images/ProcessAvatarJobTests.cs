using RedMvc.Domain.Accounts;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using SixLabors.ImageSharp;

namespace RedMvc.Workers.Tests.Images;

public class ProcessAvatarJobTests
{
    private static async Task<string> MemberWithPendingAvatarAsync(WorkersHost host, byte[] original)
    {
        var member = await host.Services.WithDbAsync(db => db.AddMemberAsync(Person.New("Ming")));
        await UploadAsync(host, member.Id, original);
        return member.Id;
    }

    /// <summary>Stores an upload as the member's pending avatar, as the settings page does; returns its key.</summary>
    private static async Task<string> UploadAsync(WorkersHost host, string userId, byte[] original)
    {
        var key = $"originals/avatars/{Guid.NewGuid():N}";
        await host.Services.GetRequiredService<IFileStore>().SaveAsync(key, new MemoryStream(original));
        await host.Services.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.AvatarPendingKey, key)));
        return key;
    }

    private static Task RunAsync(WorkersHost host, string userId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ProcessAvatarJob>().RunAsync(userId, CancellationToken.None));

    private static Task<AppUser> UserAsync(WorkersHost host, string userId) =>
        host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    [Fact]
    public async Task A_landscape_photo_becomes_square_avatars_and_a_second_run_changes_nothing()
    {
        await using var host = await WorkersHost.StartAsync();
        var userId = await MemberWithPendingAvatarAsync(host, TestImages.JpegWithGpsAndOrientation(1200, 800, orientation: 6));

        await RunAsync(host, userId);
        var user = await UserAsync(host, userId);
        await RunAsync(host, userId);

        Assert.NotNull(user.AvatarKey);
        Assert.Null(user.AvatarPendingKey);
        Assert.Equal(user.AvatarKey, (await UserAsync(host, userId)).AvatarKey);
        var files = host.Services.GetRequiredService<IFileStore>();
        foreach (var size in PhotoProcessor.AvatarSizes)
            foreach (var extension in new[] { "webp", "jpg" })
            {
                await using var stream = await files.OpenReadAsync(ProcessAvatarJob.PublicKey(user.AvatarKey!, size, extension));
                Assert.NotNull(stream);
                var info = await Image.IdentifyAsync(stream!);
                Assert.Equal((size, size), (info.Width, info.Height));
                Assert.Null(info.Metadata.ExifProfile);
            }
    }

    [Fact]
    public async Task A_tiny_photo_is_scaled_up_so_every_size_exists()
    {
        await using var host = await WorkersHost.StartAsync();
        var userId = await MemberWithPendingAvatarAsync(host, TestImages.Png(40, 60));

        await RunAsync(host, userId);

        var key = (await UserAsync(host, userId)).AvatarKey!;
        await using var large = await host.Services.GetRequiredService<IFileStore>().OpenReadAsync(ProcessAvatarJob.PublicKey(key, 320, "jpg"));
        Assert.Equal(320, (await Image.IdentifyAsync(large!)).Width);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_keeps_the_previous_avatar_and_is_cleared()
    {
        await using var host = await WorkersHost.StartAsync();
        var userId = await MemberWithPendingAvatarAsync(host, TestImages.Png(200, 200));
        await RunAsync(host, userId);
        var previous = (await UserAsync(host, userId)).AvatarKey;
        Assert.NotNull(previous);
        var bad = await UploadAsync(host, userId, "not a picture"u8.ToArray());

        await RunAsync(host, userId);

        var user = await UserAsync(host, userId);
        Assert.Equal(previous, user.AvatarKey);
        Assert.Null(user.AvatarPendingKey);
        var files = host.Services.GetRequiredService<IFileStore>();
        await using var kept = await files.OpenReadAsync(ProcessAvatarJob.PublicKey(previous!, PhotoProcessor.AvatarSizes[0], "jpg"));
        Assert.NotNull(kept);
        Assert.Null(await files.OpenReadAsync(bad));
    }
}
