using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Tests.Text;

/// <summary>The nasty cases of user text, against the one helper every field uses.</summary>
public class UserTextTests
{
    private static readonly TextRule Title = TextRule.Line(20, required: true);
    private static readonly TextRule Body = TextRule.Lines(1000);

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("小红书", 3)]
    [InlineData("😀👍🏽", 2)]                      // surrogate pairs and a skin-tone modifier
    [InlineData("👨‍👩‍👧‍👦", 1)]                      // a family joined by zero-width joiners: 11 UTF-16 units
    [InlineData("🇨🇳🇯🇵", 2)]                     // flags are pairs of regional indicators
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿", 1)]                      // a tag sequence: 14 units
    [InlineData("𠀀𠀁", 2)]                        // CJK beyond the BMP
    [InlineData("Cafe\u0301", 4)]
    public void Length_counts_what_a_reader_sees(string text, int expected) => Assert.Equal(expected, UserText.Length(text));

    [Fact]
    public void Text_is_stored_in_NFC()
    {
        var text = Title.Check("Cafe\u0301");
        Assert.Null(text.Problem);
        Assert.Equal("Caf\u00e9", text.Value);
        Assert.Equal("Tiếng Việt", Title.Check("Tiếng Việt".Normalize(System.Text.NormalizationForm.FormD)).Value);
    }

    [Fact]
    public void A_letter_under_five_million_combining_marks_is_refused()
    {
        Assert.Equal(TextProblem.TooLong, Body.Check("a" + new string('\u0301', 5_000_000)).Problem);
        Assert.Equal(TextProblem.TooLong, Title.Check("a" + new string('\u0301', 100_000)).Problem);
    }

    [Theory]
    [InlineData("a\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036A", null)]                 // eight marks on one letter
    [InlineData("a\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036A\u036B", TextProblem.TooManyMarks)]
    [InlineData("a\u0363\u0364\u0365\u0366\u200D\u0367\u0368\u0369\u036A\u036B", TextProblem.TooManyMarks)] // a joiner between does not start a new character
    [InlineData("a\u0301\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036A", null)]           // NFC makes the first into á
    public void Zalgo_is_refused(string text, TextProblem? expected) => Assert.Equal(expected, Title.Check(text).Problem);

    [Theory]
    [InlineData("Tiếng Việt")]                     // Vietnamese, also decomposed below
    [InlineData("क्षत्रिय हिन्दी")]                    // Devanagari conjuncts and vowel signs
    [InlineData("ภาษาไทย น้ำ")]                     // Thai vowel and tone marks
    [InlineData("שָׁלוֹם")]                          // Hebrew points
    [InlineData("1️⃣ ❤️ 👍🏽")]                       // keycap, variation selector, skin tone
    [InlineData("👨‍👩‍👧‍👦🇨🇳")]
    [InlineData("周末去哪儿 Weekend")]
    public void Real_scripts_and_emoji_pass(string text)
    {
        Assert.Null(Title.Check(text).Problem);
        Assert.Null(Title.Check(text.Normalize(System.Text.NormalizationForm.FormD)).Problem);
    }

    [Fact]
    public void Visible_characters_are_limited()
    {
        Assert.Null(Title.Check(new string('长', 20)).Problem);
        Assert.Equal(TextProblem.TooLong, Title.Check(new string('长', 21)).Problem);
        Assert.Equal(TextProblem.TooLong, TextRule.Line(20_000).Check(new string('a', 20_001)).Problem);
        Assert.Null(Title.Check(Repeat("👍🏽", 20)).Problem);                  // four units each: the average allowed
    }

    [Fact]
    public void Stored_units_are_capped_even_under_the_visible_limit()
    {
        // Eleven units a grapheme: a title of only ZWJ families holds seven of them, not twenty.
        Assert.Null(Title.Check(Repeat("👨‍👩‍👧‍👦", 7)).Problem);
        Assert.Equal(TextProblem.TooLong, Title.Check(Repeat("👨‍👩‍👧‍👦", 8)).Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   \t  ")]
    [InlineData("\u3000\u00A0")]                   // ideographic and no-break spaces
    [InlineData("\u200B\u200C\u200D")]             // zero-width space, non-joiner, joiner
    [InlineData("\uFEFF\u2060\u2061\u2062\u2063\u2064")]
    [InlineData("\u00AD\u200E\u200F")]             // soft hyphen, direction marks
    [InlineData("\uFE0F")]                         // a variation selector alone
    [InlineData("\u3164\u115F\uFFA0\u2800")]       // Hangul fillers and the blank Braille cell
    [InlineData("\U000E0041\U000E007F")]           // tag characters
    public void Nothing_visible_is_empty(string? text)
    {
        Assert.Equal(new CheckedText("", TextProblem.Empty), Title.Check(text));
        Assert.Equal(new CheckedText("", null), Body.Check(text));
    }

    [Theory]
    [InlineData("Ming\u202Egnp.exe")]              // right-to-left override
    [InlineData("Ming\u202A")]
    [InlineData("Ming\u2066x\u2069")]              // isolates
    [InlineData("Ming\u0007")]                     // C0 control
    [InlineData("Ming\nLi")]                       // a line break in a one-line field
    [InlineData("Ming\u2028Li")]
    public void One_line_fields_refuse_controls_and_direction_overrides(string text) =>
        Assert.Equal(TextProblem.NotAllowed, AppUser.DisplayNameRule.Check(text).Problem);

    [Fact]
    public void C1_controls_and_broken_surrogates_are_refused_everywhere()
    {
        // Not theory data: the test runner would repair these strings on their way to the test.
        foreach (var text in new[] { "Mi\u0085ng", "Ming\u009B", "Ming\uD800", "\uDC00Ming", "Ming\uD83D\uD83D" })
        {
            Assert.Equal(TextProblem.NotAllowed, AppUser.DisplayNameRule.Check(text).Problem);
            Assert.Equal(TextProblem.NotAllowed, Body.Check(text).Problem);
        }
    }

    [Fact]
    public void Text_areas_keep_line_breaks_as_newlines_and_refuse_other_controls()
    {
        Assert.Equal("one\ntwo\nthree\n\tfour", Body.Check("one\r\ntwo\rthree\r\n\tfour\r\n").Value);
        Assert.Equal(TextProblem.NotAllowed, Body.Check("one\u0000two").Problem);
        Assert.Equal(TextProblem.NotAllowed, Body.Check("one\u001Btwo").Problem);
    }

    [Fact]
    public void A_note_is_stored_as_the_rule_cleans_it()
    {
        var (content, problems) = new NoteContent(" Cafe\u0301 ", "line\r\nnext", "food", "\u200B", NoteVisibility.Public, false).Check(new NoteLimits());
        Assert.Empty(problems);
        Assert.Equal(("Caf\u00e9", "line\nnext", (string?)null), (content.Title, content.Body, content.Place));
    }

    [Fact]
    public void A_zero_width_title_comment_board_or_shop_name_is_refused()
    {
        Assert.Contains((nameof(NoteContent.Title), "Note.Error.TitleRequired"),
            new NoteContent("\u200B\u200B", "", "food", null, NoteVisibility.Public, false).Problems(new NoteLimits()));
        Assert.Equal("Comment.Error.Empty", Assert.Throws<NoteRuleException>(() => Comment.OnNote(1, "ann", "\u200B\uFEFF", DateTime.UtcNow)).Key);
        Assert.Equal("Board.Error.NameRequired", Assert.Throws<NoteRuleException>(() => Board.Create("ann", "\u2060", false, DateTime.UtcNow)).Key);
        var shop = new Shop("ann", "ann", "Ann", DateTime.UtcNow);
        Assert.Equal("Shop.Error.NameRequired", Assert.Throws<ShopRuleException>(() => shop.Describe("\u3164", null)).Key);
    }

    [Fact]
    public void A_refused_profile_changes_nothing()
    {
        var user = new AppUser { DisplayName = "Ming" };
        Assert.Equal([(nameof(AppUser.DisplayName), TextProblem.NotAllowed)], user.ChangeProfile("\u202Egnim", "bio", null));
        Assert.Equal(("Ming", (string?)null), (user.DisplayName, user.Bio));
        Assert.Empty(user.ChangeProfile("Cafe\u0301", " \u200B ", "上海"));
        Assert.Equal(("Caf\u00e9", (string?)null, "上海"), (user.DisplayName, user.Bio, user.Region));
    }

    [Fact]
    public void A_character_problem_points_at_its_field()
    {
        var changes = ProductSaving.Apply(1, null, new ProductPost("ok", "a" + new string('\u036A', 9), "food", [], [], 1), DateTime.UtcNow);
        Assert.Contains((nameof(ProductPost.Description), CheckedText.TooManyMarksKey), changes.Problems);
    }

    /// <summary>Every cap fits its column: on PostgreSQL and SQL Server a longer value would fail to save.</summary>
    [Fact]
    public void Every_stored_cap_fits_its_column()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        using var db = new AppDbContext(builder.Options);
        var notes = new NoteLimits();
        (Type Entity, string Property, TextRule Rule)[] fields =
        [
            (typeof(Note), nameof(Note.Title), notes.TitleRule), (typeof(Note), nameof(Note.Body), notes.BodyRule), (typeof(Note), nameof(Note.Place), notes.PlaceRule),
            (typeof(Comment), nameof(Comment.Body), Comment.BodyRule), (typeof(Board), nameof(Board.Name), Board.NameRule),
            (typeof(AppUser), nameof(AppUser.DisplayName), AppUser.DisplayNameRule), (typeof(AppUser), nameof(AppUser.Bio), AppUser.BioRule),
            (typeof(AppUser), nameof(AppUser.Region), AppUser.RegionRule),
            (typeof(Shop), nameof(Shop.Name), Shop.NameRule), (typeof(Shop), nameof(Shop.Description), Shop.DescriptionRule),
            (typeof(Product), nameof(Product.Title), Product.TitleRule), (typeof(Product), nameof(Product.Description), Product.DescriptionRule),
            (typeof(ProductVariant), nameof(ProductVariant.Name), ProductVariant.NameRule), (typeof(StockAdjustment), nameof(StockAdjustment.Reason), StockAdjustment.ReasonRule),
            (typeof(Order), nameof(Order.ReturnReason), Order.ReasonRule), (typeof(Order), nameof(Order.Carrier), Order.CarrierRule),
            (typeof(Order), nameof(Order.TrackingNumber), Order.TrackingNumberRule), (typeof(OrderEvent), nameof(OrderEvent.Note), Order.ReasonRule),
            (typeof(OrderLine), nameof(OrderLine.Title), Product.TitleRule), (typeof(OrderLine), nameof(OrderLine.VariantName), ProductVariant.NameRule),
            (typeof(Address), nameof(Address.Name), AddressRules.PartRule), (typeof(Address), nameof(Address.Province), AddressRules.PartRule),
            (typeof(Address), nameof(Address.City), AddressRules.PartRule), (typeof(Address), nameof(Address.District), AddressRules.PartRule),
            (typeof(Address), nameof(Address.Line), AddressRules.LineRule),
        ];
        foreach (var (entity, property, rule) in fields)
        {
            var column = db.Model.FindEntityType(entity)!.FindProperty(property)!.GetMaxLength();
            Assert.True(column is null || rule.MaxUnits <= column, $"{entity.Name}.{property}: the rule stores up to {rule.MaxUnits} units, the column holds {column}.");
        }
    }
}
