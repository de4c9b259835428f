namespace RedMvc.Workers;

/// <summary>Hangfire queue names, most urgent first.</summary>
public static class Queues
{
    public const string Critical = "critical";
    public const string Email = "email";
    public const string Default = "default";
    public const string Images = "images";

    /// <summary>Work nobody waits on at the screen: demo content, reprocessing, data exports, rebuilds, fan-out. It has a job server of its own.</summary>
    public const string Bulk = "bulk";

    /// <summary>The queues of the main job server, in the order it takes them (where the storage honours the order).</summary>
    public static readonly string[] Urgent = [Critical, Email, Default, Images];
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
    public const string RollupDailyStats = "rollup-daily-stats";
    public const string UpdateSearchIndex = "search-index";
    public const string ComputeHotSearches = "hot-searches";
    public const string MailNotifications = "mail-notifications";
    public const string DailyDigests = "daily-digests";
    public const string WeeklyDigest = "weekly-digest";
    public const string GroupActivity = "group-activity";
    public const string GroupRecount = "group-recount";
    public const string DeleteGroupPhotos = "group-photos-sweeper";
}
