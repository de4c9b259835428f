namespace RedMvc.Browser.Tests;

/// <summary>Screenshots for people to look at, in the git-ignored test-artifacts/browser at the repository root.</summary>
public static class Artifacts
{
    public static string Path(string fileName)
    {
        var folder = System.IO.Path.Combine(RepositoryRoot(), "test-artifacts", "browser");
        Directory.CreateDirectory(folder);
        return System.IO.Path.Combine(folder, fileName);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "RedMvc.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"RedMvc.sln not found above {AppContext.BaseDirectory}");
    }
}
