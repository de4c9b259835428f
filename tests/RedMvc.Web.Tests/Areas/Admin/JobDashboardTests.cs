using Hangfire;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

[Collection(SiteCollection.Name)]
public class JobDashboardTests(RedMvcAppFactory site)
{
    [Fact]
    public async Task Staff_may_look_at_jobs_but_only_an_admin_deletes_one()
    {
        var job = site.Service<IBackgroundJobClient>().Schedule<SendEmailJob>(j => j.RunAsync(0, CancellationToken.None), TimeSpan.FromDays(30));
        var staff = await site.MemberWithRoleAsync(Person.New(), Roles.Staff);

        var refused = await staff.PostWithTokenAsync("/admin/jobs/jobs/scheduled/delete", new() { ["jobs[]"] = job });

        Assert.False(refused.Response.IsSuccessStatusCode);
        Assert.Equal("Scheduled", StateOf(job));
        var admin = await site.MemberWithRoleAsync(Person.New(), Roles.Admin);
        Assert.True((await admin.PostWithTokenAsync("/admin/jobs/jobs/scheduled/delete", new() { ["jobs[]"] = job })).Response.IsSuccessStatusCode);
        Assert.Equal("Deleted", StateOf(job));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    public async Task A_job_id_that_is_not_a_number_is_a_400_not_a_server_error(string id)
    {
        var admin = await site.MemberWithRoleAsync(Person.New(), Roles.Admin);

        var page = await admin.PostWithTokenAsync("/admin/jobs/jobs/enqueued/delete", new() { ["jobs[]"] = id });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    private string? StateOf(string job)
    {
        using var connection = site.Service<JobStorage>().GetConnection();
        return connection.GetStateData(job)?.Name;
    }
}
