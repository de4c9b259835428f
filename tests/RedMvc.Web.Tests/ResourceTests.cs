using System.Text.RegularExpressions;
using System.Xml.Linq;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Notes;

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
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml") || f.EndsWith(".cs"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var used = sources.SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        // Keys built at run time from known values.
        used.UnionWith(Channels.All.Select(c => $"Channel.{c}"));
        used.UnionWith(Roles.All.Select(r => $"Role.{r}"));
        used.UnionWith(Enum.GetNames<RedMvc.Domain.Commerce.OrderStatus>().Select(s => $"Order.Status.{s}"));
        used.UnionWith(new[] { "NotFound", "Forbidden", "TooMany", "BadRequest", "TooLarge", "Server" }.SelectMany(k => new[] { $"Error.{k}.Title", $"Error.{k}.Text" }));

        Assert.Empty(used.Except(known));
    }

    // T["Key"], t["Key"], and data-annotation messages/names ("Validation.X", "Field.X").
    [GeneratedRegex(@"(?:\b[Tt]\[""|ErrorMessage = ""|Name = "")([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex KeyPattern();
}
