using Microsoft.Extensions.Configuration;

namespace RedMvc.Domain.Data;

/// <summary>Where files live: the data folder (Storage:DataPath, default "data" under the content root).</summary>
public static class DataPaths
{
    public static string DataFolder(IConfiguration config, string contentRoot)
    {
        var configured = config["Storage:DataPath"];
        var path = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path));
        Directory.CreateDirectory(full);
        return full;
    }
}
