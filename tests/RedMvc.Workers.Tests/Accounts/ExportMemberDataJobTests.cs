using System.IO.Compression;
using System.Text.Json;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Email;
using RedMvc.Domain.Social;
using RedMvc.Workers.Files;
using RedMvc.Workers.Tests.Commerce;
using RedMvc.Workers.Tests.Images;

namespace RedMvc.Workers.Tests.Accounts;

public class ExportMemberDataJobTests
{
    private static readonly NoteLimits Limits = new();

    private sealed record Member(string Id, string Handle, string Email, string DisplayName);

    private static Task<Member> MemberAsync(WorkersHost host, string displayName) => host.Services.WithDbAsync(async db =>
    {
        var user = await db.AddMemberAsync(Person.New(displayName));
        return new Member(user.Id, user.Handle, user.Email!, displayName);
    });

    /// <summary>A published note whose photos have these originals in the store; returns its id.</summary>
    private static async Task<long> NoteAsync(WorkersHost host, Member author, string title, params byte[][] originals)
    {
        var files = host.Services.GetRequiredService<IFileStore>();
        var noteId = await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var note = Note.Draft(author.Id, new NoteContent(title, $"{title} 的正文", "travel", "杭州", NoteVisibility.Public, false), DateTime.UtcNow);
            for (var i = 0; i < originals.Length; i++)
            {
                var key = $"originals/{Guid.NewGuid():N}";
                await files.SaveAsync(key, new MemoryStream(originals[i]));
                note.AddPhoto(new NotePhoto(key, $"IMG_{i}.jpg", i));
            }
            note.Publish(DateTime.UtcNow, Limits);
            db.Notes.Add(note);
            await db.SaveChangesAsync();
            return note.Id;
        });
        return noteId;
    }

    private static Task<long> CommentAsync(WorkersHost host, Member member, long noteId, string body, long? replyTo = null) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var comment = replyTo is { } target
            ? Comment.ReplyTo(await db.Comments.AsNoTracking().SingleAsync(c => c.Id == target), member.Id, body, DateTime.UtcNow)
            : Comment.OnNote(noteId, member.Id, body, DateTime.UtcNow);
        await NoteComments.AddAsync(db, comment);
        return comment.Id;
    });

    private static Task<DataExportRequest> RequestAsync(WorkersHost host, Member member) =>
        host.InScopeAsync(sp => DataExports.RequestAsync(sp.GetRequiredService<AppDbContext>(), member.Id, DateTime.UtcNow));

    private static Task RunAsync(WorkersHost host, Member member) =>
        host.InScopeAsync(sp => sp.GetRequiredService<ExportMemberDataJob>().RunAsync(member.Id, CancellationToken.None));

    private static Task<DataExport?> ExportOfAsync(WorkersHost host, Member member) =>
        host.InScopeAsync(sp => DataExports.FindAsync(sp.GetRequiredService<AppDbContext>(), member.Id));

    private static async Task<Dictionary<string, byte[]>> ZipAsync(WorkersHost host, DataExport export)
    {
        await using var stored = await host.Services.GetRequiredService<IFileStore>().OpenReadAsync(export.FileKey)
            ?? throw new InvalidOperationException("No zip in the store");
        using var zip = new ZipArchive(stored, ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var entry = e.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            return copy.ToArray();
        });
    }

    /// <summary>Rewrites the stored export as if its week had passed.</summary>
    private static Task ExpireAsync(WorkersHost host, Member member) => host.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var row = await db.UserTokens.SingleAsync(t => t.UserId == member.Id && t.LoginProvider == DataExports.TokenProvider && t.Name == DataExports.TokenName);
        var export = JsonSerializer.Deserialize<DataExport>(row.Value!)!;
        row.Value = JsonSerializer.Serialize(export with { RequestedAt = DateTime.UtcNow.AddDays(-8), ReadyAt = DateTime.UtcNow.AddDays(-8), ExpiresAt = DateTime.UtcNow.AddDays(-1) });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_export_holds_the_members_notes_photos_comments_and_orders_and_nothing_of_anyone_else()
    {
        await using var host = await WorkersHost.StartAsync();
        var ming = await MemberAsync(host, "小明同学");
        var hong = await MemberAsync(host, "小红路人");
        var mingsNote = await NoteAsync(host, ming, "西湖日落", TestImages.Jpeg(1600, 1200), TestImages.Png(300, 200));
        await host.InScopeAsync(sp => sp.GetRequiredService<ProcessNotePhotosJob>().RunAsync(mingsNote, CancellationToken.None));
        // The second photo lost its sizes: the export falls back to the original upload.
        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await db.NotePhotos.Where(p => p.NoteId == mingsNote && p.Position == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PhotoStatus.Pending));
        });
        var hongsNote = await NoteAsync(host, hong, "小红的秘密笔记", TestImages.Jpeg(400, 300));
        var mingsComment = await CommentAsync(host, ming, hongsNote, "明的评论");
        await CommentAsync(host, hong, mingsNote, "红在明笔记下的评论");
        await CommentAsync(host, hong, hongsNote, "红回复明", replyTo: mingsComment);
        var shop = await Shopfront.OpenAsync(host, stock: 5);
        var mingsOrder = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, ming.Id)).Orders.Single();
        var hongsOrder = Assert.IsType<CheckoutResult.Placed>(await shop.CheckoutAsync(host, hong.Id, quantity: 2)).Orders.Single();
        Assert.IsType<DataExportRequest.Accepted>(await RequestAsync(host, ming));

        await RunAsync(host, ming);
        var first = (await ExportOfAsync(host, ming))!;
        var firstZip = await ZipAsync(host, first);
        await RunAsync(host, ming);

        var export = (await ExportOfAsync(host, ming))!;
        Assert.Equal(first, export);
        Assert.True(export.IsReady(DateTime.UtcNow));
        Assert.InRange(export.ExpiresAt!.Value, DateTime.UtcNow.AddDays(6.9), DateTime.UtcNow.AddDays(7));
        var zip = await ZipAsync(host, export);
        Assert.Equal(firstZip.Keys.Order(), zip.Keys.Order());
        Assert.Equal(["comments.json", "notes.json", "orders.json", $"photos/{mingsNote}-1.jpg", $"photos/{mingsNote}-2.png", "profile.json"], zip.Keys.Order());
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, zip[$"photos/{mingsNote}-1.jpg"][..2]);
        Assert.Equal(TestImages.Png(300, 200), zip[$"photos/{mingsNote}-2.png"]);

        var text = zip.Where(e => e.Key.EndsWith(".json")).ToDictionary(e => e.Key, e => System.Text.Encoding.UTF8.GetString(e.Value));
        using var profile = JsonDocument.Parse(text["profile.json"]);
        Assert.Equal(ming.Handle, profile.RootElement.GetProperty("handle").GetString());
        Assert.Equal(ming.Email, profile.RootElement.GetProperty("email").GetString());
        using var notes = JsonDocument.Parse(text["notes.json"]);
        var note = Assert.Single(notes.RootElement.EnumerateArray());
        Assert.Equal("西湖日落", note.GetProperty("title").GetString());
        Assert.Equal([$"photos/{mingsNote}-1.jpg", $"photos/{mingsNote}-2.png"], note.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("file").GetString()));
        using var comments = JsonDocument.Parse(text["comments.json"]);
        Assert.Equal(["明的评论"], comments.RootElement.EnumerateArray().Select(c => c.GetProperty("body").GetString()));
        using var orders = JsonDocument.Parse(text["orders.json"]);
        var order = Assert.Single(orders.RootElement.EnumerateArray());
        Assert.Equal(mingsOrder.Number, order.GetProperty("number").GetString());
        Assert.Equal(mingsOrder.TotalFen, order.GetProperty("totalFen").GetInt64());

        // Nothing of Hong: not her name, handle, email, note, comments or order.
        var all = string.Concat(text.Values);
        foreach (var foreign in new[] { hong.DisplayName, hong.Handle, hong.Email, "小红的秘密笔记", "红在明笔记下的评论", "红回复明", hongsOrder.Number, shop.BrandId, hong.Id })
            Assert.DoesNotContain(foreign, all);

        // One mail for one export, however often the job runs.
        var mails = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking()
            .Where(m => m.Purpose == EmailPurposes.DataExport).ToListAsync());
        var mail = Assert.Single(mails);
        Assert.Equal(ming.Email, mail.Recipient);
        Assert.Contains($"https://red.example/settings/data/{export.Key}", mail.TextBody);
    }

    [Fact]
    public async Task A_chinese_member_gets_the_link_in_chinese()
    {
        await using var host = await WorkersHost.StartAsync();
        var ming = await MemberAsync(host, "小明");
        await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == ming.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Culture, "zh-CN")));
        await RequestAsync(host, ming);

        await RunAsync(host, ming);

        var mail = await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().EmailOutbox.AsNoTracking().SingleAsync(m => m.Purpose == EmailPurposes.DataExport));
        Assert.Equal("你的 RedMvc 数据可以下载了", mail.Subject);
        Assert.Contains("小明，你的数据已经准备好了", mail.TextBody);
        Assert.Contains("下载我的数据", mail.HtmlBody);
        Assert.Contains("lang=\"zh-CN\"", mail.HtmlBody);
    }

    [Fact]
    public async Task A_member_asks_once_a_day_and_a_new_export_replaces_the_old_zip()
    {
        await using var host = await WorkersHost.StartAsync();
        var ming = await MemberAsync(host, "小明");
        var files = host.Services.GetRequiredService<IFileStore>();

        var first = Assert.IsType<DataExportRequest.Accepted>(await RequestAsync(host, ming)).Export;
        Assert.IsType<DataExportRequest.StillPending>(await RequestAsync(host, ming));
        await RunAsync(host, ming);
        var tooSoon = Assert.IsType<DataExportRequest.TooSoon>(await RequestAsync(host, ming));
        Assert.Equal(first.RequestedAt + DataExports.RequestGap, tooSoon.NextRequestAt);
        Assert.True(await files.ExistsAsync(first.FileKey));

        await ExpireAsync(host, ming);
        var second = Assert.IsType<DataExportRequest.Accepted>(await RequestAsync(host, ming)).Export;
        await RunAsync(host, ming);

        Assert.NotEqual(first.Key, second.Key);
        Assert.False(await files.ExistsAsync(first.FileKey));
        Assert.True(await files.ExistsAsync(second.FileKey));
    }

    [Fact]
    public async Task The_sweeper_deletes_expired_zips_once_and_restarts_lost_exports()
    {
        await using var host = await WorkersHost.StartAsync();
        var expired = await MemberAsync(host, "过期");
        var fresh = await MemberAsync(host, "新鲜");
        var files = host.Services.GetRequiredService<IFileStore>();
        await RequestAsync(host, expired);
        await RunAsync(host, expired);
        var old = (await ExportOfAsync(host, expired))!;
        await ExpireAsync(host, expired);
        await RequestAsync(host, fresh);
        await RunAsync(host, fresh);
        var kept = (await ExportOfAsync(host, fresh))!;

        Task<int> SweepAsync() => host.InScopeAsync(sp => sp.GetRequiredService<ExportMemberDataJob>().SweepAsync(CancellationToken.None));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());

        Assert.False(await files.ExistsAsync(old.FileKey));
        Assert.True((await ExportOfAsync(host, expired))!.FileRemoved);
        Assert.True(await files.ExistsAsync(kept.FileKey));
        Assert.Equal(DataExportLink.Expired, DataExports.Check(await ExportOfAsync(host, expired), old.Key, DateTime.UtcNow));
        Assert.Equal(DataExportLink.Valid, DataExports.Check(kept, kept.Key, DateTime.UtcNow));
        Assert.Equal(DataExportLink.Unknown, DataExports.Check(kept, old.Key, DateTime.UtcNow));
    }

    [Fact]
    public async Task An_export_of_an_account_erased_meanwhile_leaves_no_zip_behind()
    {
        await using var host = await WorkersHost.StartAsync();
        var ming = await MemberAsync(host, "小明");
        var export = Assert.IsType<DataExportRequest.Accepted>(await RequestAsync(host, ming)).Export;
        await host.InScopeAsync(sp => AccountErasure.EraseAsync(sp.GetRequiredService<AppDbContext>(), ming.Id, DateTime.UtcNow));

        await RunAsync(host, ming);

        Assert.False(await host.Services.GetRequiredService<IFileStore>().ExistsAsync(export.FileKey));
        Assert.False(await host.InScopeAsync(sp => sp.GetRequiredService<AppDbContext>().UserTokens.AnyAsync(t => t.UserId == ming.Id)));
    }
}
