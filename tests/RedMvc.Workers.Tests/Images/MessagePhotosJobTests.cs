using RedMvc.Domain.Messages;
using RedMvc.Domain.Social;
using RedMvc.Workers.Files;

namespace RedMvc.Workers.Tests.Images;

public class MessagePhotosJobTests
{
    [Fact]
    public async Task The_message_photo_job_run_twice_makes_the_same_sizes_once_and_fails_only_the_bad_photo()
    {
        await using var host = await WorkersHost.StartAsync();
        var files = host.Services.GetRequiredService<IFileStore>();
        var keys = new[] { $"originals/messages/{Guid.NewGuid():N}", $"originals/messages/{Guid.NewGuid():N}" };
        await files.SaveAsync(keys[0], new MemoryStream(TestImages.Jpeg(1200, 900)));
        await files.SaveAsync(keys[1], new MemoryStream(TestImages.Truncated(TestImages.Jpeg(800, 600))));
        var messageId = await host.Services.WithDbAsync(async db =>
        {
            var sender = await db.AddMemberAsync();
            var recipient = await db.AddMemberAsync();
            db.Follows.Add(new Follow(recipient.Id, sender.Id, DateTime.UtcNow));
            await db.SaveChangesAsync();
            var message = await Messaging.SendAsync(db, sender.Id, recipient.Id, new MessageDraft("两张照片", keys.Length), keys, new MessageLimits(), DateTime.UtcNow);
            return message.Id;
        });
        Task RunAsync() => host.InScopeAsync(sp => sp.GetRequiredService<ProcessMessagePhotosJob>().RunAsync(messageId, CancellationToken.None));
        Task<List<MessagePhoto>> PhotosAsync() => host.Services.WithDbAsync(db =>
            db.MessagePhotos.AsNoTracking().Where(p => p.MessageId == messageId).OrderBy(p => p.Position).ToListAsync());

        await RunAsync();
        var first = await PhotosAsync();
        await RunAsync();
        var second = await PhotosAsync();

        Assert.Equal([PhotoStatus.Ready, PhotoStatus.Failed], first.Select(p => p.Status));
        Assert.Equal("360,720", first[0].Widths); // never wider than the 1200 px original
        Assert.True(await files.ExistsAsync(NotePhoto.PublicKey(first[0].ContentHash!, 720, "webp")));
        Assert.Equal(first.Select(p => (p.Status, p.ContentHash, p.Widths)), second.Select(p => (p.Status, p.ContentHash, p.Widths)));
    }
}
