using RedMvc.Domain.Moderation;

namespace RedMvc.Domain.Tests.Moderation;

/// <summary>Matching posts against the screening list.</summary>
public class ScreeningTests
{
    private static ScreeningVerdict Judge(IEnumerable<ListedPhrase> list, params string?[] texts) => Screening.Judge(list.ToList(), texts);

    [Fact]
    public void An_empty_list_passes_everything()
    {
        Assert.Equal(ScreeningVerdict.Pass, Judge([], "加vx", "anything at all"));
    }

    [Theory]
    [InlineData("加我 vx 聊")]
    [InlineData("加我VX聊")]
    [InlineData("加我ＶＸ聊")]
    [InlineData("add my Vx: 123")]
    public void A_phrase_matches_whatever_the_case_and_width(string text)
    {
        var verdict = Judge([ListedPhrase.Of("vx", ScreenAction.Hold)], "a title", text);
        Assert.Equal(new ScreeningVerdict(ScreenAction.Hold, "vx"), verdict);
    }

    [Fact]
    public void A_full_width_phrase_matches_half_width_text()
    {
        Assert.True(Judge([ListedPhrase.Of("ＷｅＣｈａｔ", ScreenAction.Block)], "my wechat is here").Blocks);
    }

    [Theory]
    [InlineData("这家店是代购假货", true)]
    [InlineData("假货", true)]
    [InlineData("这是真货", false)]
    public void A_Chinese_phrase_matches_inside_a_sentence(string text, bool matches)
    {
        Assert.Equal(matches, Judge([ListedPhrase.Of("假货", ScreenAction.Block)], text).Blocks);
    }

    [Theory]
    [InlineData("buy cheap pills now", true)]
    [InlineData("Cheap   Pills!", true)]
    [InlineData("cheap pillsbury dough", false)]
    [InlineData("a class act", false)]
    public void A_Latin_phrase_matches_whole_words_only(string text, bool matches)
    {
        Assert.Equal(matches, Judge([ListedPhrase.Of("cheap pills", ScreenAction.Hold), ListedPhrase.Of("ass", ScreenAction.Hold)], text).Holds);
    }

    [Fact]
    public void Block_wins_over_hold_whichever_comes_first()
    {
        var list = new[] { ListedPhrase.Of("vx", ScreenAction.Hold), ListedPhrase.Of("假货", ScreenAction.Block) };
        Assert.Equal(new ScreeningVerdict(ScreenAction.Block, "假货"), Judge(list, "加vx", "卖假货"));
        Assert.Equal(new ScreeningVerdict(ScreenAction.Block, "假货"), Judge(list.Reverse(), "加vx", "卖假货"));
    }

    [Fact]
    public void Empty_and_missing_texts_pass()
    {
        Assert.Equal(ScreeningVerdict.Pass, Judge([ListedPhrase.Of("vx", ScreenAction.Block)], null, "", "   "));
    }
}
