namespace RedMvc.Domain.Accounts;

/// <summary>
/// A member's request for a copy of their data. Key is random and unguessable: it names the zip in
/// the file store and ends the download link, which also needs the member signed in.
/// </summary>
public sealed record DataExport(string Key, DateTime RequestedAt, DateTime? ReadyAt = null, DateTime? ExpiresAt = null, string? PreviousKey = null, bool FileRemoved = false)
{
    public bool IsPending => ReadyAt is null;

    public bool HasExpired(DateTime now) => ExpiresAt is { } expires && now >= expires;

    public bool IsReady(DateTime now) => ReadyAt is not null && !HasExpired(now);

    /// <summary>One request a day: the earliest time the member may ask again.</summary>
    public DateTime NextRequestAt => RequestedAt + DataExports.RequestGap;

    public string FileKey => FileKeyOf(Key);

    public static string FileKeyOf(string key) => $"exports/{key}.zip";
}
