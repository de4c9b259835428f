using RedMvc.Domain.Email;
using RedMvc.Domain.Social;

namespace RedMvc.Workers.Tests.Email;

/// <summary>The weekly digest against the real SMTP listener: Monday morning in the member's zone, what they may see, covers, once a week.</summary>
public class WeeklyDigestTests
{
    /// <summary>Monday 08:30 in China.</summary>
    private static readonly DateTime MondayMorning = new(2026, 11, 30, 0, 30, 0, DateTimeKind.Utc);

    private static async Task<long> PublishAsync(WorkersHost host, string authorId, string title, DateTime at, NoteVisibility visibility = NoteVisibility.Public) =>
        await host.Services.WithDbAsync(async db =>
        {
            var note = await db.PublishNoteAsync(authorId, title, visibility: visibility, at: at);
            foreach (var photo in await db.NotePhotos.Where(p => p.NoteId == note.Id).ToListAsync())
                photo.MarkReady(1080, 1440, "#ccc", $"hash{note.Id}", [240, 1080]);
            await db.SaveChangesAsync();
            return note.Id;
        });

    [Fact]
    public async Task Monday_morning_brings_new_notes_from_people_i_follow_and_their_board_additions_with_covers()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var mia = await desk.MemberAsync("Mia");
        var ming = await desk.MemberAsync("Ming");
        var stranger = await desk.MemberAsync("Stranger");
        await host.Services.WithDbAsync(db => Following.FollowAsync(db, mia.Id, ming.Id, MondayMorning.AddDays(-20)));
        var fresh = await PublishAsync(host, ming.Id, "Dumplings at dawn", MondayMorning.AddDays(-2));
        await PublishAsync(host, ming.Id, "Old news", MondayMorning.AddDays(-10));
        await PublishAsync(host, ming.Id, "Mutual only", MondayMorning.AddDays(-1), NoteVisibility.MutualFollowers);
        await PublishAsync(host, stranger.Id, "Not followed", MondayMorning.AddDays(-1));
        var kept = await PublishAsync(host, stranger.Id, "Silk road maps", MondayMorning.AddDays(-9));
        var hidden = await PublishAsync(host, stranger.Id, "Secret pick", MondayMorning.AddDays(-9));
        await host.Services.WithDbAsync(async db =>
        {
            var travel = await Collecting.CreateBoardAsync(db, ming.Id, "Travel", isPrivate: false, MondayMorning.AddDays(-5));
            var secret = await Collecting.CreateBoardAsync(db, ming.Id, "Secret", isPrivate: true, MondayMorning.AddDays(-5));
            await Collecting.CollectAsync(db, ming.Id, kept, travel.Id, MondayMorning.AddDays(-3));
            await Collecting.CollectAsync(db, ming.Id, hidden, secret.Id, MondayMorning.AddDays(-3));
        });

        Assert.Equal(1, await desk.RunWeeklyAsync(MondayMorning));
        Assert.Equal(0, await desk.RunWeeklyAsync(MondayMorning.AddHours(1)));

        var mail = Assert.Single(await desk.DeliverAsync(mia));
        Assert.Equal("Your week on RedMvc: 2 new notes", mail.Subject);
        Assert.Contains("Dumplings at dawn", mail.TextBody);
        Assert.Contains($"https://red.example/notes/{fresh}", mail.TextBody);
        Assert.Contains("Silk road maps", mail.TextBody);
        Assert.Contains("collected by Ming", mail.TextBody);
        Assert.DoesNotContain("Old news", mail.TextBody);
        Assert.DoesNotContain("Mutual only", mail.TextBody);
        Assert.DoesNotContain("Not followed", mail.TextBody);
        Assert.DoesNotContain("Secret pick", mail.TextBody);
        Assert.Contains($"src=\"https://red.example/media/photos/hash{fresh}_240.jpg\"", mail.HtmlBody);
        Assert.StartsWith("<https://red.example/unsubscribe/", mail.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task No_digest_before_monday_morning_in_my_zone_when_nothing_is_new_or_when_turned_off()
    {
        await using var host = await WorkersHost.StartAsync();
        var desk = new MailDesk(host);
        var early = await desk.MemberAsync("Early", zone: "America/New_York"); // still Sunday there
        var quiet = await desk.MemberAsync("Quiet");
        var off = await desk.MemberAsync("Off");
        var ming = await desk.MemberAsync("Ming");
        foreach (var member in new[] { early, off })
            await host.Services.WithDbAsync(db => Following.FollowAsync(db, member.Id, ming.Id, MondayMorning.AddDays(-20)));
        await PublishAsync(host, ming.Id, "Dumplings at dawn", MondayMorning.AddDays(-2));
        await desk.ChooseAsync(off, MailCategory.WeeklyDigest, MailChoice.Off);

        Assert.Equal(0, await desk.RunWeeklyAsync(MondayMorning));

        Assert.Empty(await desk.DeliverAsync(early));
        Assert.Empty(await desk.DeliverAsync(quiet));
        Assert.Empty(await desk.DeliverAsync(off));
    }
}
