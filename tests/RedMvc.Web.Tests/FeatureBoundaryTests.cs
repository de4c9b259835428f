using System.Text.RegularExpressions;

namespace RedMvc.Web.Tests;

/// <summary>
/// A feature folder depends on Features/Shared and Domain only, never on another feature (ARCHITECTURE.md,
/// docs/decisions/0017). C# and Razor must name a namespace or a view path to use another folder's types
/// or views, so reading the sources finds every such reach.
/// </summary>
public partial class FeatureBoundaryTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RedMvc.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("RedMvc.sln not found");
    }

    public static TheoryData<string> FeatureRoots() => ["Web/Features", "Web/Areas/Admin/Features"];

    [GeneratedRegex(@"RedMvc\.Web\.(?:Areas\.Admin\.)?Features\.(\w+)|/Features/(\w+)/")]
    private static partial Regex FeatureReference();

    [Theory]
    [MemberData(nameof(FeatureRoots))]
    public void No_feature_reaches_into_another(string featureRoot)
    {
        var folders = Directory.GetDirectories(Path.Combine(Root, featureRoot));
        Assert.NotEmpty(folders);
        var reaches = new List<string>();
        foreach (var folder in folders)
        {
            var feature = Path.GetFileName(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml")))
            {
                foreach (Match match in FeatureReference().Matches(File.ReadAllText(file)))
                {
                    var named = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
                    if (named != feature && named != "Shared") reaches.Add($"{Path.GetRelativePath(Root, file)} uses {named}");
                }
            }
        }
        Assert.Empty(reaches);
    }

    [Fact]
    public void The_check_sees_a_reach_when_there_is_one()
    {
        Assert.Matches(FeatureReference(), "using RedMvc.Web.Features.Notes;");
        Assert.Matches(FeatureReference(), "@model RedMvc.Web.Areas.Admin.Features.Brands.BrandsPage");
        Assert.Matches(FeatureReference(), "<partial name=\"/Features/Orders/_OrderStatus.cshtml\" />");
    }
}
