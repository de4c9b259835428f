namespace RedMvc.Workers;

/// <summary>Hangfire queue names, most urgent first (a server takes work in this order).</summary>
public static class Queues
{
    public const string Critical = "critical";
    public const string Email = "email";
    public const string Default = "default";
    public const string Images = "images";

    /// <summary>Work nobody waits on at the screen: data exports, rebuilds, fan-out.</summary>
    public const string Bulk = "bulk";

    public static readonly string[] All = [Critical, Email, Default, Images, Bulk];
}

/// <summary>Stable ids of recurring jobs, so re-registering at start-up updates instead of duplicating.</summary>
public static class JobIds
{
    public const string SweepEmailOutbox = "email-outbox-sweeper";
    public const string PublishDueNotes = "publish-due-notes";
    public const string RecomputeCounts = "recompute-counts";
    public const string ComputeTrends = "compute-trends";
    public const string SweepOrders = "sweep-orders";
    public const string SweepDataExports = "data-exports-sweeper";
    public const string SweepPendingPhotos = "pending-photos-sweeper";
}
