using RedMvc.Domain.Search;

namespace RedMvc.Domain.Tests.Search;

public class SearchQueryTests
{
    [Fact]
    public void Han_words_match_whole_or_by_all_their_bigrams()
    {
        var query = SearchQuery.Parse("保湿面霜");
        Assert.Equal("\"保湿\" AND \"面霜\"", query.ToFts5());
        Assert.Equal("'保湿' & '面霜'", query.ToTsQuery());
    }

    [Fact]
    public void A_long_han_word_may_also_match_by_its_bigrams()
    {
        var term = SearchTerm.Han("共和国");
        Assert.Equal("(\"共和国\" OR (\"共和\" AND \"和国\"))", term.ToFts5());
        Assert.Equal("('共和国' | ('共和' & '和国'))", term.ToTsQuery());
        Assert.Equal(2, term.ToLikePatterns().Count);
    }

    [Fact]
    public void One_han_character_is_a_prefix_of_bigrams()
    {
        var query = SearchQuery.Parse("猫");
        Assert.Equal("\"猫\"*", query.ToFts5());
        Assert.Equal("'猫':*", query.ToTsQuery());
    }

    [Fact]
    public void Latin_words_are_folded_and_stemmed_like_the_index() =>
        Assert.Equal("\"red\" AND \"lipstick\"", SearchQuery.Parse("  RED Lipsticks ").ToFts5());

    [Theory]
    [InlineData("\"", "")]
    [InlineData("*", "")]
    [InlineData("-", "")]
    [InlineData("(", "")]
    [InlineData("a NEAR b", "\"a\" AND \"near\" AND \"b\"")]
    [InlineData("cats OR dogs", "\"cat\" AND \"or\" AND \"dog\"")]
    [InlineData("-spam \"quoted phrase\" (x*)", "\"spam\" AND \"quoted\" AND \"phrase\" AND \"x\"")]
    [InlineData("'; DROP TABLE \"Notes\"; --", "\"drop\" AND \"table\" AND \"note\"")]
    [InlineData("<script>alert(1)</script>", "\"script\" AND \"alert\" AND \"1\"")]
    [InlineData("title:foo ^bar", "\"title\" AND \"foo\" AND \"bar\"")]
    public void Query_syntax_in_the_input_is_only_words(string input, string fts5) => Assert.Equal(fts5, SearchQuery.Parse(input).ToFts5());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀🎉👍🏽")]
    [InlineData("\u200B\u200D")]
    [InlineData("!!! ??? ...")]
    public void Nothing_searchable_is_an_empty_query(string? input) => Assert.True(SearchQuery.Parse(input).IsEmpty);

    [Fact]
    public void A_long_query_keeps_its_first_characters_and_a_few_terms()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 200).Select(i => $"w{i}")));
        Assert.Equal(SearchQuery.MaxLength, query.Text.Length);
        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
    }

    [Fact]
    public void A_long_query_is_never_cut_inside_an_emoji()
    {
        var query = SearchQuery.Parse(new string('a', SearchQuery.MaxLength - 1) + "😀");
        Assert.False(char.IsHighSurrogate(query.Text[^1]));
    }

    [Fact]
    public void Tsquery_lexemes_never_carry_a_quote()
    {
        var query = SearchQuery.Parse("it's o'clock \\' \\\\");
        Assert.DoesNotContain("''", query.ToTsQuery());
        Assert.Equal(0, query.ToTsQuery().Count(c => c == '\'') % 2);
    }

    [Fact]
    public void Repeated_words_count_once() => Assert.Single(SearchQuery.Parse("cat cats CAT").Terms);

    [Fact]
    public void Matched_words_are_marked_and_the_rest_kept_as_text()
    {
        var pieces = Highlighter.Pieces("My new Lipsticks: 保湿面霜 <b>", SearchQuery.Parse("lipstick 面霜"));
        Assert.Equal("My new Lipsticks: 保湿面霜 <b>", string.Concat(pieces.Select(p => p.Text)));
        Assert.Equal(["Lipsticks", "面霜"], pieces.Where(p => p.Match).Select(p => p.Text));
    }

    [Fact]
    public void Without_terms_nothing_is_marked() =>
        Assert.DoesNotContain(Highlighter.Pieces("abc", SearchQuery.Parse("😀")), p => p.Match);

    [Fact]
    public void An_excerpt_shows_the_text_around_the_first_match()
    {
        var body = new string('x', 200) + " 这款面霜很好用 " + new string('y', 200);
        var pieces = Highlighter.Excerpt(body, SearchQuery.Parse("面霜"), 60);
        Assert.Equal("…", pieces[0].Text);
        Assert.Equal("…", pieces[^1].Text);
        Assert.Contains(pieces, p => p.Match && p.Text == "面霜");
    }

    [Fact]
    public void An_excerpt_never_splits_an_emoji()
    {
        var body = string.Concat(Enumerable.Repeat("😀", 100));
        var text = string.Concat(Highlighter.Excerpt(body, SearchQuery.Parse("x"), 51).Select(p => p.Text)).TrimEnd('…');
        Assert.Equal(0, text.Length % 2);
        Assert.True(char.IsHighSurrogate(text[0]));
    }

    [Fact]
    public void For_names_the_last_latin_word_may_be_the_start_of_a_longer_one()
    {
        var query = SearchQuery.Parse("Mia LU").WithLastWordAsPrefix();
        Assert.Equal("\"mia\" AND \"lu\"*", query.ToFts5());
        Assert.Equal("'mia' & 'lu':*", query.ToTsQuery());
        Assert.Equal(["Mia", "lulu"], Highlighter.Pieces("Mia lulu_sh", query).Where(p => p.Match).Select(p => p.Text));
        Assert.Equal("\"lipstick\"*", SearchQuery.Parse("lipsticks").WithLastWordAsPrefix().ToFts5());
        Assert.False(SearchQuery.Parse("露营").WithLastWordAsPrefix().Terms[0].Prefix);
        Assert.False(SearchQuery.Parse("a").WithLastWordAsPrefix().Terms[0].Prefix);
    }
}
