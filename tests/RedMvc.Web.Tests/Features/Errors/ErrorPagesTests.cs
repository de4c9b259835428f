namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class ErrorPagesTests(RedMvcAppFactory site)
{
    /// <summary>The error pages are for real failures: asked for directly, nothing failed, so nothing answers 5xx.</summary>
    [Theory]
    [InlineData("GET", "/error")]
    [InlineData("POST", "/error")]
    [InlineData("GET", "/error/500")]
    [InlineData("POST", "/error/503")]
    public async Task An_error_page_asked_for_directly_is_a_404(string method, string url)
    {
        var response = await site.CreateVisitor().Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_real_status_still_shows_its_page()
    {
        var page = await site.CreateVisitor().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.CreateVisitor().GetAsync("/error/403")).Status);
    }
}
