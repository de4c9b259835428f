namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class SettingsTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Changing_the_password_needs_the_current_one()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var wrong = await member.SubmitAsync("/settings/password", "/settings/password",
            new Dictionary<string, string> { ["CurrentPassword"] = "not-my-password", ["Password"] = "fresh-mango-cloud" });
        Assert.Contains("not correct", wrong.FieldError("CurrentPassword"));

        var done = await member.SubmitAsync("/settings/password", "/settings/password",
            new Dictionary<string, string> { ["CurrentPassword"] = Members.Password, ["Password"] = "fresh-mango-cloud" });
        Assert.Contains("Your password has been changed", done.Text);
        await member.SignOutAsync();
        Assert.Contains("@" + person.Handle, (await member.SignInAsync(person.Email, "fresh-mango-cloud")).Text);
    }

    [Fact]
    public async Task A_new_email_takes_effect_only_through_the_link_sent_to_it()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);
        var newEmail = Person.New().Email;

        var sent = await member.SubmitAsync("/settings/email", "/settings/email",
            new Dictionary<string, string> { ["Email"] = newEmail, ["CurrentPassword"] = Members.Password });
        Assert.Contains($"We sent a confirmation link to {newEmail}", sent.Text);
        Assert.Contains(person.Email, (await member.GetAsync("/settings")).Text);

        var mail = await site.Mailbox.WaitForAsync(newEmail);
        var changed = await member.GetAsync(Mailbox.LinkIn(mail, "/settings/confirm-email-change"));
        Assert.Contains("Your email has been changed", changed.Text);

        await member.SignOutAsync();
        Assert.Contains("email or password is not correct", (await member.SignInAsync(person.Email)).Text);
        Assert.Contains("@" + person.Handle, (await member.SignInAsync(newEmail)).Text);
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_handle_and_password_then_sign_in_fails()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var wrongHandle = await member.SubmitAsync("/settings/delete", "/settings/delete",
            new Dictionary<string, string> { ["ConfirmHandle"] = "someone_else", ["CurrentPassword"] = Members.Password });
        Assert.Contains("not your handle", wrongHandle.FieldError("ConfirmHandle"));

        var deleted = await member.SubmitAsync("/settings/delete", "/settings/delete",
            new Dictionary<string, string> { ["ConfirmHandle"] = "@" + person.Handle, ["CurrentPassword"] = Members.Password });
        Assert.Contains("Your account has been deleted", deleted.Text);
        Assert.Contains("Sign up", deleted.Text);

        var goodbye = await site.Mailbox.WaitForAsync(person.Email, "Your RedMvc account has been deleted");
        Assert.Contains(person.DisplayName, goodbye.TextBody);
        Assert.Contains("email or password is not correct", (await site.CreateVisitor().SignInAsync(person.Email)).Text);
    }

    [Fact]
    public async Task Settings_ask_a_visitor_to_sign_in()
    {
        var page = await site.CreateVisitor().GetAsync("/settings");
        Assert.StartsWith("/account/sign-in", page.Url);
    }

    [Fact]
    public async Task A_member_edits_name_bio_and_region_and_the_profile_shows_them()
    {
        var person = Person.New();
        var member = await site.ConfirmedMemberAsync(person);

        var tooLong = await member.SubmitAsync("/settings/profile", "/settings/profile",
            new Dictionary<string, string> { ["DisplayName"] = "小鹿", ["Bio"] = new string('好', 101), ["Region"] = "" });
        Assert.Contains("at most 100", tooLong.FieldError("Bio"));

        var saved = await member.SubmitAsync("/settings/profile", "/settings/profile",
            new Dictionary<string, string> { ["DisplayName"] = "小鹿爱旅行", ["Bio"] = "喜欢露营和咖啡", ["Region"] = "杭州" });
        Assert.Equal($"/u/{person.Handle}", saved.Url);
        Assert.Contains("喜欢露营和咖啡", saved.Text);
        Assert.Contains("杭州", saved.Text);
        Assert.Contains("小鹿爱旅行", saved.Document.QuerySelector(".menu__who")!.TextContent);
    }

    [Fact]
    public async Task An_uploaded_profile_photo_goes_through_the_pipeline_and_shows_as_the_avatar()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());

        var settings = await member.GetAsync("/settings/profile");
        var sent = await settings.SubmitMultipartAsync(member.Client, "/settings/avatar", [], [("avatar", "me.jpg", TestPhotos.Jpeg(400, 300))]);
        Assert.Contains("Your new photo is being prepared", sent.Text);

        var page = await member.GetAsync("/settings");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (page.Document.QuerySelector(".avatar img.avatar__photo") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(300);
            page = await member.GetAsync("/settings");
        }
        var src = page.Document.QuerySelector(".avatar img.avatar__photo")!.GetAttribute("src")!;
        Assert.Matches(@"^/media/avatars/[0-9a-f]{16}_96\.jpg$", src);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync(src)).StatusCode);

        await (await member.GetAsync("/settings/profile")).SubmitAsync(member.Client, "/settings/avatar/remove", new Dictionary<string, string>());
        Assert.Null((await member.GetAsync("/settings")).Document.QuerySelector(".avatar img.avatar__photo"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_is_refused_as_an_avatar_with_the_reason()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());

        var settings = await member.GetAsync("/settings/profile");
        var refused = await settings.SubmitMultipartAsync(member.Client, "/settings/avatar", [], [("avatar", "me.jpg", "MZ not a photo"u8.ToArray())]);

        Assert.Contains("That photo was not used: this is not a JPEG, PNG, WebP or GIF photo.", refused.Text);
        Assert.DoesNotContain("being prepared", refused.Text);
    }

    [Fact]
    public async Task An_avatar_over_the_photo_limit_is_refused_as_too_large()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());

        var settings = await member.GetAsync("/settings/profile");
        var refused = await settings.SubmitMultipartAsync(member.Client, "/settings/avatar", [], [("avatar", "me.jpg", PaddedPhoto(21))]);

        Assert.Contains("That photo was not used: the file is larger than 20 MB.", refused.Text);
    }

    /// <summary>Over the route's own body limit (25 MB) the form cannot be read at all: the page still names the reason and the limit.</summary>
    [Fact]
    public async Task An_avatar_too_large_for_the_form_to_be_read_gets_the_too_large_page()
    {
        var member = await site.ConfirmedMemberAsync(Person.New());

        var settings = await member.GetAsync("/settings/profile");
        var refused = await settings.SubmitMultipartAsync(member.Client, "/settings/avatar", [], [("avatar", "me.jpg", PaddedPhoto(30))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.Status);
        Assert.Contains("That upload is too big", refused.Text);
        Assert.Contains("A photo can be up to 20 MB", refused.Text);
        Assert.DoesNotContain("empty", refused.Text);
    }

    /// <summary>A real JPEG followed by zeros up to the size asked for.</summary>
    private static byte[] PaddedPhoto(int megabytes)
    {
        var photo = new byte[megabytes * 1024 * 1024];
        TestPhotos.Jpeg(400, 300).CopyTo(photo, 0);
        return photo;
    }
}
