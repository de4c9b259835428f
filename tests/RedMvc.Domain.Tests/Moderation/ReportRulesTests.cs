using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Tests.Moderation;

/// <summary>Filing a report, on a real SQLite file through the real migrations.</summary>
public sealed class ReportRulesTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);
    private MigratedSqlite _database = null!;

    public async Task InitializeAsync() => _database = await MigratedSqlite.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_report_is_kept_with_its_target_category_and_trimmed_details()
    {
        var error = await Report.FileAsync(_database.Db, "reporter", ReportTarget.Comment, "7", "author", groupId: null,
            ReportCategory.Harassment, "  calls me names\r\nagain ", Now);

        Assert.Null(error);
        var report = await _database.Db.Reports.SingleAsync();
        Assert.Equal((ReportTarget.Comment, "7", "author", ReportCategory.Harassment), (report.Target, report.TargetId, report.TargetAuthorId, report.Category));
        Assert.Equal("calls me names\nagain", report.Details);
        Assert.True(report.IsOpen);
    }

    [Fact]
    public async Task Reporting_the_same_thing_twice_while_open_keeps_one_report_and_after_resolution_a_new_one()
    {
        await Report.FileAsync(_database.Db, "reporter", ReportTarget.Note, "1", "author", null, ReportCategory.Spam, null, Now);
        Assert.Null(await Report.FileAsync(_database.Db, "reporter", ReportTarget.Note, "1", "author", null, ReportCategory.Other, "again", Now));
        Assert.Equal(1, await _database.Db.Reports.CountAsync());

        (await _database.Db.Reports.SingleAsync()).Resolve("staff", ReportOutcome.Dismissed, Now);
        await _database.Db.SaveChangesAsync();
        await Report.FileAsync(_database.Db, "reporter", ReportTarget.Note, "1", "author", null, ReportCategory.Spam, null, Now);
        Assert.Equal(2, await _database.Db.Reports.CountAsync());
    }

    [Theory]
    [InlineData("author", ReportCategory.Spam, null, "Report.Error.Self")]
    [InlineData("reporter", (ReportCategory)99, null, "Report.Error.Category")]
    [InlineData("reporter", ReportCategory.Spam, "long", "Report.Error.TooLong")]
    [InlineData("reporter", ReportCategory.Spam, "\u0007", "Text.Error.NotAllowed")]
    public async Task A_refused_report_says_why_and_keeps_nothing(string reporter, ReportCategory category, string? details, string expected)
    {
        if (details == "long") details = new string('a', Report.DetailsMaxLength + 1);

        var error = await Report.FileAsync(_database.Db, reporter, ReportTarget.Profile, "author", "author", null, category, details, Now);

        Assert.Equal(expected, error);
        Assert.False(await _database.Db.Reports.AnyAsync());
    }
}
