namespace RedMvc.Testing;

/// <summary>
/// The configuration every test host starts from: a data folder of its own, mail to the test mailbox, and
/// rate limits high enough that many tests sharing one site never meet them. A test class passes only
/// the settings it is about (a low limit, a small upload size), and they win.
/// </summary>
public static class SiteSettings
{
    /// <summary>The limited actions (RateLimits:{name}:PermitLimit) that tests lift out of the way.</summary>
    public static readonly IReadOnlyList<string> RateLimited = ["SignIn", "Register", "PasswordReset", "Posting", "Commenting", "Checkout", "Search", "Messaging"];

    /// <summary>A fresh folder path under the system's temp folder for one host's database and files.</summary>
    public static string NewDataFolder(string kind) => Path.Combine(Path.GetTempPath(), $"redmvc-{kind}", Guid.NewGuid().ToString("N"));

    /// <param name="publicBaseUrl">Site:PublicBaseUrl; null leaves it to the site's own settings files.</param>
    public static Dictionary<string, string?> For(string dataFolder, string? publicBaseUrl, Mailbox mailbox,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = dataFolder };
        if (publicBaseUrl is not null) settings["Site:PublicBaseUrl"] = publicBaseUrl;
        foreach (var (key, value) in mailbox.Settings) settings[key] = value;
        if (ServerDatabase.FromEnvironment() is { } server)
        {
            settings["Database:Provider"] = "PostgreSql";
            settings["Database:ConnectionString"] = server.NewDatabase();
        }
        foreach (var action in RateLimited) settings[$"RateLimits:{action}:PermitLimit"] = "1000";
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        return settings;
    }

    /// <summary>Deletes a host's data folder; SQLite may still hold a file for a moment, which is left to the temp folder.</summary>
    public static void DeleteDataFolder(string dataFolder)
    {
        try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
    }
}
