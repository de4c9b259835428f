namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class NotePageTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Photos_without_the_authors_words_say_which_of_the_series_they_are()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        var page = await member.SendNoteAsync(Composer.Fields("湖边散步", "#散步", "travel", "Public", "Publish", null, place: null), TestPhotos.Files(3));
        for (var tries = 0; page.Document.QuerySelectorAll("picture img").Length < 3 && tries < 100; tries++)
        {
            await Task.Delay(300);
            page = await member.GetAsync(page.Url);
        }

        var alts = page.Document.QuerySelectorAll(".carousel picture img").Select(img => img.GetAttribute("alt")).ToList();

        Assert.Equal(["Photo 1 of 3: 湖边散步", "Photo 2 of 3: 湖边散步", "Photo 3 of 3: 湖边散步"], alts);
    }

    [Fact]
    public async Task On_the_chinese_site_times_are_relative_in_chinese_and_carry_their_zone()
    {
        var authorId = (await site.Services.WithDbAsync(db => db.AddMemberAsync())).Id;
        var noteId = (await site.Services.WithDbAsync(db => db.PublishNoteAsync(authorId, "九分钟前", at: DateTime.UtcNow.AddMinutes(-9)))).Id;

        var page = await site.CreateVisitor("zh-CN").GetAsync($"/notes/{noteId}");
        var time = page.Document.QuerySelector(".note time[datetime]")!;

        Assert.Equal("9 分钟前", time.TextContent.Trim());
        Assert.EndsWith("Z", time.GetAttribute("datetime"));
    }
}
