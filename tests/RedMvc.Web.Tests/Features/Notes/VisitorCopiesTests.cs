namespace RedMvc.Web.Tests;

/// <summary>
/// Visitors get kept copies of the public pages (PublicPages): the second visit is served from the
/// copy ("Age" header), and a change to what the page shows replaces the copy at once.
/// </summary>
[Collection(SiteCollection.Name)]
public class VisitorCopiesTests(RedMvcAppFactory site)
{
    /// <summary>Posts a note and waits until its photo is processed: a page with a photo still processing is not kept.</summary>
    private async Task<string> ReadyNoteAsync(Visitor author, string title)
    {
        var url = await author.PostNoteAsync(title);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await author.GetAsync(url)).Document.QuerySelector("picture") is null && DateTime.UtcNow < deadline) await Task.Delay(300);
        return url;
    }

    private static async Task<Visitor.Page> KeptCopyAsync(Visitor visitor, string url)
    {
        await visitor.GetAsync(url);
        var again = await visitor.GetAsync(url);
        Assert.True(again.Response.Headers.Contains("Age"), $"{url} was rendered again instead of served from the kept copy");
        return again;
    }

    [Fact]
    public async Task A_note_page_is_kept_for_visitors_and_an_edit_shows_at_once()
    {
        var person = Person.New();
        var author = await site.ConfirmedMemberAsync(person);
        var url = await ReadyNoteAsync(author, "湖边的早晨");
        var visitor = site.CreateVisitor();
        await KeptCopyAsync(visitor, url);
        await KeptCopyAsync(visitor, $"/u/{person.Handle}");

        var edit = await author.GetAsync(url + "/edit");
        var keep = edit.Document.QuerySelectorAll("input[name='KeepPhotoIds']").Select(i => new KeyValuePair<string, string>("KeepPhotoIds", i.GetAttribute("value")!));
        await edit.SubmitMultipartAsync(author.Client, url + "/edit", Composer.Fields(title: "湖边的傍晚").Concat(keep), []);

        var after = await visitor.GetAsync(url);
        Assert.False(after.Response.Headers.Contains("Age"));
        Assert.Contains("湖边的傍晚", after.Text);
        Assert.DoesNotContain("湖边的早晨", after.Text);
        Assert.Contains("湖边的傍晚", (await visitor.GetAsync($"/u/{person.Handle}")).Text);
    }

    [Fact]
    public async Task A_deleted_note_is_gone_for_visitors_at_once()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = await ReadyNoteAsync(author, "马上删掉");
        var visitor = site.CreateVisitor();
        await KeptCopyAsync(visitor, url);

        var page = await author.GetAsync(url);
        await page.SubmitAsync(author.Client, url + "/delete", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(url)).Status);
    }

    [Fact]
    public async Task A_new_comment_shows_to_visitors_at_once()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = await ReadyNoteAsync(author, "留言看看");
        var visitor = site.CreateVisitor();
        await KeptCopyAsync(visitor, url);

        var page = await author.GetAsync(url);
        await page.SubmitAsync(author.Client, url + "/comments", new Dictionary<string, string> { ["Body"] = "第一条留言" });

        Assert.Contains("第一条留言", (await visitor.GetAsync(url)).Text);
    }

    [Fact]
    public async Task Stock_running_out_shows_on_the_product_page_at_once()
    {
        var (brand, shopId) = await BrandWithShopAsync();
        var product = await site.Services.WithDbAsync(db => db.ProductOnSaleAsync(shopId, "缓存里的杯子", stock: 2));
        var variantId = product.Variants[0].Id;
        var visitor = site.CreateVisitor();
        var kept = await KeptCopyAsync(visitor, $"/products/{product.Id}");
        Assert.DoesNotContain("Sold out", kept.Text);

        var url = $"/brand/products/{product.Id}/stock";
        await brand.SubmitAsync(url, url, new Dictionary<string, string> { ["variantId"] = variantId.ToString(), ["delta"] = "-2", ["reason"] = "盘点" });

        var after = await visitor.GetAsync($"/products/{product.Id}");
        Assert.False(after.Response.Headers.Contains("Age"));
        Assert.Contains("Sold out", after.Text);
    }

    [Fact]
    public async Task A_member_is_never_served_a_visitors_copy()
    {
        var author = await site.ConfirmedMemberAsync(Person.New());
        var url = await ReadyNoteAsync(author, "只给访客的副本");
        await KeptCopyAsync(site.CreateVisitor(), url);

        var member = await site.ConfirmedMemberAsync(Person.New());
        var page = await member.GetAsync(url);

        Assert.False(page.Response.Headers.Contains("Age"));
        Assert.NotNull(page.Document.QuerySelector($"form[action='{url}/like']"));
    }

    private async Task<(Visitor Brand, long ShopId)> BrandWithShopAsync()
    {
        var person = Person.New();
        var brand = await site.MemberWithRoleAsync(person, Roles.Brand);
        var shop = await site.Services.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == person.Email);
            return await db.OpenShopAsync(owner: user);
        });
        return (brand, shop.Id);
    }
}
