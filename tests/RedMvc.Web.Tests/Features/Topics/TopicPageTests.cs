namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class TopicPageTests(RedMvcAppFactory site)
{
    [Theory]
    [InlineData("/topics/%20")]
    [InlineData("/topics/%E3%80%80")] // a full-width space
    [InlineData("/topics/%23")]
    public async Task A_blank_topic_is_not_found(string url)
    {
        var page = await site.CreateVisitor().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }
}
