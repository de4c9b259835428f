namespace RedMvc.Domain.Accounts;

/// <summary>What a download link is to the member who opens it.</summary>
public enum DataExportLink
{
    /// <summary>Their ready export, within its lifetime.</summary>
    Valid,

    /// <summary>Their export, but its lifetime is over (the page says so: 410).</summary>
    Expired,

    /// <summary>Not theirs, not ready, or no such export (404).</summary>
    Unknown,
}
