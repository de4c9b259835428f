using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests.Features.Settings;

[Collection(SiteCollection.Name)]
public partial class DataExportTests(RedMvcAppFactory site)
{
    private static Task<Visitor.Page> AskAsync(Visitor member) =>
        member.SubmitAsync("/settings/data", "/settings/data", new Dictionary<string, string>());

    /// <summary>Rewrites the member's export as if its week had passed.</summary>
    private Task ExpireAsync(Person person) => site.Services.WithDbAsync(async db =>
    {
        var row = await db.UserTokens.SingleAsync(t => db.Users.Any(u => u.Id == t.UserId && u.Handle == person.Handle)
            && t.LoginProvider == DataExports.TokenProvider && t.Name == DataExports.TokenName);
        var export = JsonSerializer.Deserialize<DataExport>(row.Value!)!;
        row.Value = JsonSerializer.Serialize(export with { ExpiresAt = DateTime.UtcNow.AddMinutes(-1) });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task The_mailed_link_gives_the_owner_their_zip_and_nobody_else_and_not_after_it_expires()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var otherPerson = Person.New();
        var other = await site.ConfirmedMemberAsync(otherPerson);

        var asked = await AskAsync(member);
        Assert.Equal("/settings/data", asked.Url);
        Assert.Contains("We're preparing your data", asked.Text);
        Assert.Null(asked.Document.QuerySelector("form[action='/settings/data']"));
        Assert.Contains("Your data is being prepared", asked.Text);
        // A second tab's button: refused whether the job is still at work or has already finished.
        var again = await member.PostWithTokenAsync("/settings/data");
        Assert.True(again.Text.Contains("already being prepared") || again.Text.Contains("You can ask for your data once a day"), again.Text);

        var mail = await site.Mailbox.WaitForAsync(person.Email, "Your RedMvc data is ready to download");
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        Assert.NotEmpty(link);
        var path = new Uri(link).AbsolutePath;

        var download = await member.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        Assert.Contains("no-store", download.Headers.CacheControl!.ToString());
        using (var zip = new ZipArchive(await download.Content.ReadAsStreamAsync()))
        {
            using var profile = JsonDocument.Parse(zip.GetEntry("profile.json")!.Open());
            Assert.Equal(person.Handle, profile.RootElement.GetProperty("handle").GetString());
        }
        var page = await member.GetAsync("/settings/data");
        Assert.Contains("Your data is ready", page.Text);
        Assert.Equal(path, page.Document.QuerySelector($"a[href='{path}']")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector("form[action='/settings/data']"));
        Assert.Contains("You can ask for your data once a day", page.Text);
        Assert.Contains("You can ask for your data once a day", (await member.PostWithTokenAsync("/settings/data")).Text);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(path[..^1] + (path[^1] == '0' ? '1' : '0'))).StatusCode);
        var visitor = await site.CreateVisitor().GetAsync(path);
        Assert.StartsWith("/account/sign-in", visitor.Url);

        await ExpireAsync(person);
        var expired = await member.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("This download link has expired", expired.Text);
        Assert.NotNull(expired.Document.QuerySelector("a[href='/settings/data']"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);

        // The sweeper removes the zip; the link keeps saying it expired.
        var zipKey = DataExport.FileKeyOf(path.Split('/')[^1]);
        await using (var scope = site.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExportMemberDataJob>().SweepAsync(CancellationToken.None);
        Assert.False(await site.Service<RedMvc.Workers.Files.IFileStore>().ExistsAsync(zipKey));
        Assert.Equal(HttpStatusCode.Gone, (await member.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_data_page_and_the_delete_page_are_in_chinese_for_a_chinese_member()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());
        await (await member.GetAsync("/settings")).SubmitAsync(member.Client, "/language", new Dictionary<string, string> { ["culture"] = "zh-CN" });

        Assert.Contains("把你的个人资料、笔记（含图片）、评论和订单打包", (await member.GetAsync("/settings/data")).Text);
        Assert.Contains("正在打包你的数据", (await AskAsync(member)).Text);
        Assert.Contains("按照法律要求", (await member.GetAsync("/settings/delete")).Text);
    }

    [GeneratedRegex(@"https://\S+/settings/data/[0-9a-f]{32}")]
    private static partial Regex LinkPattern();
}
