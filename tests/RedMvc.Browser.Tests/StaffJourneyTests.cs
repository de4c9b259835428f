namespace RedMvc.Browser.Tests;

/// <summary>
/// Issue 16's journey in a real browser: a member reports a comment, staff remove it with a reason,
/// the author sees the reason and appeals, another staff member restores it, and the audit log shows all of it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StaffJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task A_reported_comment_is_removed_appealed_restored_and_audited()
    {
        var author = await MemberAsync("Author");
        var rude = await MemberAsync("Rude");
        var reporter = await MemberAsync("Reporter");
        var staff = await MemberAsync("Staff", Roles.Staff);
        var otherStaff = await MemberAsync("Other", Roles.Staff);
        var noteId = await site.Services.WithDbAsync(async db => (await db.PublishNoteAsync(author.Id, "秋天的露营地", "山里很安静 #露营")).Id);

        var rudePage = await site.SignedInPageAsync(rude.Email!);
        await rudePage.GotoAsync($"/notes/{noteId}");
        await rudePage.GetByLabel("Write a comment", new() { Exact = true }).FillAsync("这种地方只有傻子才去");
        await rudePage.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).First.ClickAsync();
        var comment = rudePage.Locator("li.comment").Filter(new() { HasText = "这种地方只有傻子才去" });
        await Expect(comment).ToBeVisibleAsync();
        var commentId = (await comment.GetAttributeAsync("id"))!["comment-".Length..];

        var reporterPage = await site.SignedInPageAsync(reporter.Email!);
        await reporterPage.GotoAsync($"/notes/{noteId}");
        await reporterPage.Locator($"a[href='/report/comment/{commentId}']").ClickAsync();
        await reporterPage.Locator("input[name=category][value=Harassment]").CheckAsync();
        await reporterPage.Locator("#details").FillAsync("在骂评论区的人");
        await reporterPage.GetByRole(AriaRole.Button, new() { Name = "Send report", Exact = true }).ClickAsync();
        await Expect(reporterPage.Locator("body")).ToContainTextAsync("your report was sent");

        var staffPage = await site.SignedInPageAsync(staff.Email!);
        await staffPage.GotoAsync("/admin/reports");
        await staffPage.Locator($"tr[data-target='Comment:{commentId}'] a").First.ClickAsync();
        await Expect(staffPage.Locator("main")).ToContainTextAsync("在骂评论区的人");
        await staffPage.Locator("input[name=action][value=Remove]").CheckAsync();
        await staffPage.Locator("#rule").SelectOptionAsync("Harassment");
        await staffPage.Locator("#reason").FillAsync("Insulting other members is against the rules.");
        await staffPage.ScreenshotAsync(new() { Path = Artifacts.Path("staff-review.png"), FullPage = true });
        await staffPage.GetByRole(AriaRole.Button, new() { Name = "Decide", Exact = true }).ClickAsync();
        await Expect(staffPage).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/reports$"));
        await Expect(staffPage.Locator($"tr[data-target='Comment:{commentId}']")).ToHaveCountAsync(0);

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/notes/{noteId}");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync("这种地方只有傻子才去");

        await rudePage.GotoAsync($"/notes/{noteId}");
        await Expect(rudePage.Locator($"#comment-{commentId}")).ToContainTextAsync("Insulting other members is against the rules.");
        await rudePage.GotoAsync("/settings/standing");
        await Expect(rudePage.Locator("main")).ToContainTextAsync("Insulting other members is against the rules.");
        await rudePage.Locator("form.penalty__form textarea[name=text]").FillAsync("我只是在开玩笑，不是针对谁");
        await rudePage.GetByRole(AriaRole.Button, new() { Name = "Send appeal", Exact = true }).ClickAsync();
        await Expect(rudePage.Locator("body")).ToContainTextAsync("Your appeal is sent");

        // The staff member who decided does not decide the appeal; another one does.
        await staffPage.GotoAsync("/admin/appeals");
        var ownAppeal = staffPage.Locator("article[data-appeal]").Filter(new() { HasText = "我只是在开玩笑" });
        await Expect(ownAppeal).ToContainTextAsync("another staff member decides the appeal");
        await Expect(ownAppeal.Locator("form")).ToHaveCountAsync(0);
        var otherPage = await site.SignedInPageAsync(otherStaff.Email!);
        await otherPage.GotoAsync("/admin/appeals");
        var appeal = otherPage.Locator("article[data-appeal]").Filter(new() { HasText = "我只是在开玩笑" });
        await appeal.Locator("textarea[name=reason]").FillAsync("A joke between regulars; no one was hurt.");
        await appeal.GetByRole(AriaRole.Button, new() { Name = "Overturn and restore", Exact = true }).ClickAsync();
        await Expect(otherPage.Locator("body")).ToContainTextAsync("The appeal was granted");

        await visitor.GotoAsync($"/notes/{noteId}");
        await Expect(visitor.Locator($"#comment-{commentId}")).ToContainTextAsync("这种地方只有傻子才去");

        await otherPage.GotoAsync($"/admin/audit?q=@{rude.Handle}");
        await Expect(otherPage.Locator("[data-audit] tr[data-action]")).ToHaveCountAsync(2);
        await Expect(otherPage.Locator("[data-audit] tr[data-action='comment.remove']")).ToContainTextAsync("Insulting other members is against the rules.");
        await Expect(otherPage.Locator("[data-audit] tr[data-action='appeal.overturned']")).ToContainTextAsync("A joke between regulars");
        await otherPage.ScreenshotAsync(new() { Path = Artifacts.Path("staff-audit.png"), FullPage = true });

        await otherPage.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await otherPage.GotoAsync("/admin");
        await Expect(otherPage.Locator("nav.admin-nav")).ToContainTextAsync("举报");
        await otherPage.ScreenshotAsync(new() { Path = Artifacts.Path("staff-dashboard-zh.png"), FullPage = true });
    }

    private Task<AppUser> MemberAsync(string name, params string[] roles) =>
        site.Services.WithDbAsync(db => db.AddMemberAsync(Person.New($"{name} {Guid.NewGuid().ToString("N")[..4]}", "s"), password: Members.Password, roles: roles));
}
