using System.Text.RegularExpressions;
using System.Xml.Linq;
using RedMvc.Workers.Email;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Tests;

/// <summary>Every UI string exists in English and Chinese, and every key the code asks for exists.</summary>
public partial class ResourceTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RedMvc.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RedMvc.sln not found");
    }

    private static Dictionary<string, string> Load(string relativePath) =>
        XDocument.Load(Path.Combine(Root, relativePath)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    [Theory]
    [InlineData("Web/Resources/SharedResource")]
    [InlineData("Workers/Resources/Email/EmailStrings")]
    public void English_and_chinese_have_the_same_keys_and_no_empty_text(string resource)
    {
        var en = Load(resource + ".resx");
        var zh = Load(resource + ".zh-CN.resx");
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.DoesNotContain(en.Concat(zh), pair => string.IsNullOrWhiteSpace(pair.Value));
    }

    [Fact]
    public void Every_key_the_site_uses_exists()
    {
        var known = Load("Web/Resources/SharedResource.resx").Keys.ToHashSet();
        var used = KeysIn("Web", KeyPattern()).ToHashSet();
        // Domain rules and Workers jobs hand keys to the site to show (a refused order, a photo that failed).
        used.UnionWith(KeysIn("Domain", LiteralKeyPattern()));
        used.UnionWith(KeysIn("Workers", LiteralKeyPattern(), except: Path.Combine("Workers", "Email")));
        used.RemoveWhere(key => key.StartsWith("RedMvc.", StringComparison.Ordinal)); // assembly names, not keys

        // Keys built at run time from known values.
        used.UnionWith(Channels.All.Select(c => $"Channel.{c}"));
        used.UnionWith(Roles.All.Select(r => $"Role.{r}"));
        used.UnionWith(Enum.GetNames<RedMvc.Domain.Commerce.OrderStatus>().Select(s => $"Order.Status.{s}"));
        used.UnionWith(Enum.GetValues<UploadProblem>().Where(p => p != UploadProblem.None).Select(ProcessNotePhotosJob.FailureReason));
        used.UnionWith(new[] { "NotFound", "Forbidden", "TooMany", "BadRequest", "TooLarge", "Server" }.SelectMany(k => new[] { $"Error.{k}.Title", $"Error.{k}.Text" }));

        Assert.Empty(used.Except(known));
    }

    [Fact]
    public void Every_key_the_emails_use_exists()
    {
        var known = Load("Workers/Resources/Email/EmailStrings.resx").Keys.ToHashSet();
        var used = KeysIn(Path.Combine("Workers", "Email"), EmailKeyPattern()).ToHashSet();
        used.UnionWith(OrderEmails.BuyerHears.SelectMany(s => new[] { "Subject", "Heading", "Body", "Action" }.Select(part => $"Order.{s}.{part}")));

        Assert.Contains("Order.Summary", used);
        Assert.Empty(used.Except(known));
    }

    private static IEnumerable<string> KeysIn(string folder, Regex pattern, string? except = null) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => except is null || !Path.GetRelativePath(Root, f).StartsWith(except + Path.DirectorySeparatorChar))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value));

    // T["Key"], t["Key"], and data-annotation messages/names ("Validation.X", "Field.X").
    [GeneratedRegex(@"(?:\b[Tt]\[""|ErrorMessage = ""|Name = "")([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex KeyPattern();

    // Any string literal shaped like a key: "Order.Error.NotFound", "Order.Timeline.RefundIssued".
    [GeneratedRegex(@"""([A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)+)""")]
    private static partial Regex LiteralKeyPattern();

    // localizer["Key"] in the mail senders.
    [GeneratedRegex(@"localizer\[""([A-Z][A-Za-z]+(?:\.[A-Za-z]+)+)""")]
    private static partial Regex EmailKeyPattern();

    [Theory]
    [InlineData("Web/Resources/SharedResource.resx")]
    [InlineData("Web/Resources/SharedResource.zh-CN.resx")]
    public void An_order_state_has_one_name_for_buyer_and_brand_and_paid_reads_as_processing(string resource)
    {
        var strings = Load(resource);
        Assert.DoesNotContain(strings.Keys, key => key.StartsWith("Brand.OrderStatus."));
        Assert.Equal(strings["Order.Status.Processing"], strings["Order.Status.Paid"]);
    }
}
