using System.Globalization;
using RedMvc.Domain.Commerce;

namespace RedMvc.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData(0L, "¥0.00")]
    [InlineData(5L, "¥0.05")]
    [InlineData(12900L, "¥129.00")]
    [InlineData(19890L, "¥198.90")]
    [InlineData(123450L, "¥1234.50")]
    [InlineData(1_000_000_000L, "¥10000000.00")]
    [InlineData(-500L, "-¥5.00")]
    public void Prices_show_the_yuan_sign_two_decimals_and_no_thousands_separator(long fen, string shown) =>
        Assert.Equal(shown, Money.Yuan(fen));

    [Fact]
    public void Prices_read_the_same_in_every_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // decimal comma, dot for thousands
            Assert.Equal("¥1234.50", Money.Yuan(123450));
            Assert.Equal("1234.50", Money.Amount(123450));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_edit_field_shows_the_amount_that_reads_back_as_the_same_price()
    {
        Assert.Equal("129.90", Money.Amount(12990));
        Assert.Equal(12990, Money.ParseYuan(Money.Amount(12990)));
        Assert.Equal(12990, Money.ParseYuan(Money.Yuan(12990)));
    }

    [Theory]
    [InlineData("129", 12900L)]
    [InlineData("129.9", 12990L)]
    [InlineData(" ￥129.00 ", 12900L)]
    [InlineData("0", 0L)]
    public void Typed_prices_become_fen(string typed, long fen) => Assert.Equal(fen, Money.ParseYuan(typed));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.234")]
    [InlineData("-5")]
    [InlineData("1,234.50")]
    [InlineData("10000000.01")]
    public void Text_that_is_not_a_price_is_refused(string typed) => Assert.Null(Money.ParseYuan(typed));
}
