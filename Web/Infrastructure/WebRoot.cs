namespace RedMvc.Web.Infrastructure;

/// <summary>
/// The static files live in the repository's top-level wwwroot. From a build that is two levels up
/// from the project's bin folder; a published site carries them in its own wwwroot.
/// </summary>
public static class WebRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RedMvc.sln")))
                return Path.Combine(dir.FullName, "wwwroot");
        }
        return Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }
}
