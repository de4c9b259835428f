using RedMvc.Domain.Accounts;

namespace RedMvc.Domain.Tests.Accounts;

public class DataExportRulesTests
{
    private static readonly DateTime Asked = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
    private const string Key = "0123456789abcdef0123456789abcdef";

    private static DataExport Ready => new(Key, Asked, Asked.AddMinutes(2), Asked.AddMinutes(2) + DataExports.LinkLifetime);

    [Fact]
    public void A_ready_export_opens_with_its_own_key_until_its_week_is_over()
    {
        Assert.Equal(DataExportLink.Valid, DataExports.Check(Ready, Key, Asked.AddDays(6)));
        Assert.Equal(DataExportLink.Expired, DataExports.Check(Ready, Key, Asked.AddDays(8)));
        Assert.Equal(DataExportLink.Expired, DataExports.Check(Ready with { FileRemoved = true }, Key, Asked.AddDays(1)));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdee")]
    [InlineData("0123456789abcdef")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_key_is_unknown_even_after_expiry(string? key)
    {
        Assert.Equal(DataExportLink.Unknown, DataExports.Check(Ready, key, Asked.AddDays(1)));
        Assert.Equal(DataExportLink.Unknown, DataExports.Check(Ready, key, Asked.AddDays(30)));
    }

    [Fact]
    public void A_pending_or_missing_export_has_no_link()
    {
        Assert.Equal(DataExportLink.Unknown, DataExports.Check(new DataExport(Key, Asked), Key, Asked.AddMinutes(1)));
        Assert.Equal(DataExportLink.Unknown, DataExports.Check(null, Key, Asked));
    }

    [Fact]
    public void A_member_may_ask_again_a_day_after_asking()
    {
        Assert.Equal(Asked.AddDays(1), Ready.NextRequestAt);
        Assert.True(Ready.IsReady(Asked.AddDays(1)));
        Assert.False(new DataExport(Key, Asked).IsReady(Asked.AddDays(1)));
        Assert.Equal($"exports/{Key}.zip", Ready.FileKey);
    }
}
