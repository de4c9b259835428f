namespace RedMvc.Domain.Accounts;

/// <summary>The answer to "send me my data".</summary>
public abstract record DataExportRequest
{
    /// <summary>Recorded; the caller enqueues the job that builds it.</summary>
    public sealed record Accepted(DataExport Export) : DataExportRequest;

    /// <summary>One is being prepared already.</summary>
    public sealed record StillPending : DataExportRequest;

    /// <summary>The member asked less than a day ago.</summary>
    public sealed record TooSoon(DateTime NextRequestAt) : DataExportRequest;
}
