using RedMvc.Domain.Notes;

namespace RedMvc.Domain.Tests;

public class NoteRulesTests
{
    private static readonly NoteLimits Limits = new();
    private static readonly DateTime Now = new(2026, 11, 28, 8, 0, 0, DateTimeKind.Utc);

    private static NoteContent Content(string title = "周末露营", string body = "#露营 好开心", string channel = "travel") =>
        new(title, body, channel, null, NoteVisibility.Public, false);

    private static Note NoteWithPhotos(int photos, NoteVisibility visibility = NoteVisibility.Public)
    {
        var note = Note.Draft("author", Content() with { Visibility = visibility }, Now);
        for (var i = 0; i < photos; i++) note.AddPhoto(new NotePhoto($"originals/{i}", $"{i}.jpg", i));
        return note;
    }

    [Fact]
    public void Topics_are_found_in_order_without_duplicates()
    {
        Assert.Equal(["露营", "Camping", "周末_去哪儿"], NoteText.Topics("#露营 and #Camping, again #camping #周末_去哪儿!"));
    }

    [Fact]
    public void Mentions_are_handles_not_email_addresses()
    {
        Assert.Equal(["mia.eats", "xiaolu"], NoteText.Mentions("with @Mia.Eats and @xiaolu, mail me at ming@example.com @ab"));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void The_title_limit_is_20_characters(int length, bool ok) =>
        Assert.Equal(ok, Content(title: new string('标', length)).Problems(Limits).Count == 0);

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    public void The_body_limit_is_1000_characters(int length, bool ok) =>
        Assert.Equal(ok, Content(body: string.Concat(Enumerable.Repeat("😀", length))).Problems(Limits).Count == 0);

    [Fact]
    public void Recommended_is_a_tab_not_a_channel_to_post_in() =>
        Assert.Contains(Content(channel: Channels.Recommended).Problems(Limits), p => p.Field == "Channel");

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(18, true)]
    [InlineData(19, false)]
    public void Publishing_needs_one_to_eighteen_photos(int photos, bool ok)
    {
        var note = NoteWithPhotos(photos);
        var publish = () => note.Publish(Now, Limits);
        if (ok) publish(); else Assert.Throws<NoteRuleException>(publish);
        Assert.Equal(ok ? NoteStatus.Published : NoteStatus.Draft, note.Status);
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(14 * 24 * 60, true)]
    [InlineData(14 * 24 * 60 + 1, false)]
    public void Scheduling_is_one_hour_to_fourteen_days_ahead(int minutes, bool ok)
    {
        var note = NoteWithPhotos(1);
        var schedule = () => note.Schedule(Now.AddMinutes(minutes), Now, Limits);
        if (ok) schedule(); else Assert.Throws<NoteRuleException>(schedule);
    }

    [Fact]
    public void A_scheduled_note_publishes_once_when_due_and_not_before()
    {
        var note = NoteWithPhotos(1);
        var at = Now.AddHours(2);
        note.Schedule(at, Now, Limits);

        Assert.False(note.PublishIfDue(Now.AddHours(1)));
        Assert.False(NoteAccess.MaySee(note, "someone", new ViewerRelation(false, Blocked: false)));
        Assert.True(note.PublishIfDue(at));
        Assert.False(note.PublishIfDue(at.AddMinutes(1)));
        Assert.Equal(at, note.PublishedAt);
        Assert.True(NoteAccess.MaySee(note, "someone", new ViewerRelation(false, Blocked: false)));
    }

    [Theory]
    [InlineData(NoteVisibility.Public, null, false, true)]
    [InlineData(NoteVisibility.OnlyMe, "other", true, false)]
    [InlineData(NoteVisibility.OnlyMe, "author", false, true)]
    [InlineData(NoteVisibility.MutualFollowers, "other", false, false)]
    [InlineData(NoteVisibility.MutualFollowers, "other", true, true)]
    [InlineData(NoteVisibility.MutualFollowers, null, true, false)]
    public void Visibility_rules(NoteVisibility visibility, string? viewer, bool mutual, bool visible)
    {
        var note = NoteWithPhotos(1, visibility);
        note.Publish(Now, Limits);
        Assert.Equal(visible, NoteAccess.MaySee(note, viewer, new ViewerRelation(mutual, Blocked: false)));
    }

    [Fact]
    public void A_deleted_note_is_seen_by_nobody_and_cannot_change()
    {
        var note = NoteWithPhotos(1);
        note.Publish(Now, Limits);
        note.Delete(Now);
        Assert.False(NoteAccess.MaySee(note, "author", new ViewerRelation(false, Blocked: false)));
        Assert.Throws<NoteRuleException>(() => note.Edit(Content(), Now));
    }

    [Fact]
    public void Removing_a_photo_renumbers_the_rest_so_the_next_one_is_the_cover()
    {
        var note = NoteWithPhotos(3);
        var second = note.Photos.Single(p => p.Position == 1);
        note.RemovePhoto(note.Photos.Single(p => p.Position == 0));
        Assert.Equal(0, second.Position);
        Assert.Equal([0, 1], note.Photos.OrderBy(p => p.Position).Select(p => p.Position));
    }
}
