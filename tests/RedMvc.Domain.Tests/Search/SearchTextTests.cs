using RedMvc.Domain.Search;

namespace RedMvc.Domain.Tests.Search;

public class SearchTextTests
{
    private static string[] Tokens(string text) => SearchText.ForIndex(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Chinese_is_cut_into_jieba_words_and_every_bigram()
    {
        var tokens = Tokens("中华人民共和国");
        Assert.Contains("共和国", tokens);     // a jieba word longer than two characters
        Assert.Contains("中华", tokens);
        Assert.Contains("华人", tokens);       // a bigram that is no word: new words still match
        Assert.Contains("和国", tokens);
    }

    [Fact]
    public void A_single_han_character_between_punctuation_is_its_own_token() =>
        Assert.Equal(["买", "好"], Tokens("买！好"));

    [Fact]
    public void Latin_is_folded_for_case_and_width_and_lightly_stemmed() =>
        Assert.Equal(["lipstick", "camping", "dior", "2026"], Tokens("ＬＩＰＳＴＩＣＫＳ Camping DIOR ２０２６"));

    [Fact]
    public void Mixed_scripts_split_where_the_script_changes()
    {
        var tokens = Tokens("iPhone15手机壳推荐");
        Assert.Equal("iphone15", tokens[0]);
        Assert.Contains("手机", tokens);
        Assert.Contains("推荐", tokens);
    }

    [Fact]
    public void Emoji_and_punctuation_only_separate_tokens() =>
        Assert.Equal(["好吃", "yum"], Tokens("😋好吃🍜!!! ~yum~ #️⃣"));

    [Fact]
    public void Every_token_holds_only_letters_marks_and_digits()
    {
        var tokens = Tokens("a\"b*c (NEAR) OR -x 'y' <script>alert(1)</script> café 日本語テキスト");
        Assert.All(tokens, t => Assert.True(t.All(char.IsLetterOrDigit) || t.Any(c => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark), t));
        Assert.Contains("near", tokens);
        Assert.Contains("café", tokens);
    }

    [Fact]
    public void Very_long_words_are_cut() =>
        Assert.Equal(SearchText.MaxTokenLength, Tokens(new string('a', 500)).Single().Length);

    [Theory]
    [InlineData("lipsticks", "lipstick")]
    [InlineData("berries", "berry")]
    [InlineData("brushes", "brush")]
    [InlineData("dresses", "dress")]
    [InlineData("camping", "camping")]
    [InlineData("news", "news")]
    [InlineData("glass", "glass")]
    [InlineData("bus", "bus")]
    [InlineData("ios", "ios")]
    public void The_stemmer_is_light(string word, string stem) => Assert.Equal(stem, LightStemmer.Stem(word));

    [Fact]
    public void User_words_segment_as_one_word()
    {
        Assert.DoesNotContain("绝绝子好物", ChineseSegmenter.Instance.Cut("绝绝子好物"));
        ChineseSegmenter.Instance.AddWords(["绝绝子好物"]);
        Assert.Contains("绝绝子好物", ChineseSegmenter.Instance.Cut("今天的绝绝子好物"));
    }
}
