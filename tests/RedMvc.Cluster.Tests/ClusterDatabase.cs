using Dapper;
using Npgsql;

namespace RedMvc.Cluster.Tests;

/// <summary>The cluster's PostgreSQL database, read directly to check what the site and its workers did (quoted names: PostgreSQL folds unquoted ones).</summary>
public sealed class ClusterDatabase(string connectionString)
{
    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException("No value: " + sql);
    }

    public record PhotoRow(long Id, long NoteId, int Status, string? FailureReason);

    /// <summary>The photos of every note the member wrote.</summary>
    public Task<List<PhotoRow>> PhotosOfAsync(Person author) => QueryAsync<PhotoRow>("""
        SELECT p."Id", p."NoteId", p."Status", p."FailureReason" FROM "NotePhotos" p
        JOIN "Notes" n ON n."Id" = p."NoteId" JOIN "AspNetUsers" u ON u."Id" = n."AuthorId"
        WHERE u."Email" = @Email ORDER BY p."Id"
        """, new { author.Email });

    public Task<List<PhotoRow>> AllPhotosAsync() =>
        QueryAsync<PhotoRow>("""SELECT "Id", "NoteId", "Status", "FailureReason" FROM "NotePhotos" ORDER BY "Id" """);

    public record NoteRow(long Id, string Title);

    public Task<List<NoteRow>> NotesOfAsync(Person author) => QueryAsync<NoteRow>("""
        SELECT n."Id", n."Title" FROM "Notes" n JOIN "AspNetUsers" u ON u."Id" = n."AuthorId" WHERE u."Email" = @Email ORDER BY n."Id"
        """, new { author.Email });

    public record OrderRow(long Id, string Number, int Status);

    public Task<List<OrderRow>> OrdersOfAsync(Person buyer) => QueryAsync<OrderRow>("""
        SELECT o."Id", o."Number", o."Status" FROM "Orders" o JOIN "AspNetUsers" u ON u."Id" = o."BuyerId" WHERE u."Email" = @Email ORDER BY o."Id"
        """, new { buyer.Email });

    public record OrderEventRow(long OrderId, int Status, string? Note);

    /// <summary>Each order's timeline, oldest first.</summary>
    public Task<List<OrderEventRow>> TimelinesAsync(IEnumerable<long> orderIds) => QueryAsync<OrderEventRow>("""
        SELECT "OrderId", "Status", "Note" FROM "OrderEvents" WHERE "OrderId" = ANY(@Ids) ORDER BY "OrderId", "Id"
        """, new { Ids = orderIds.ToArray() });

    public record OutboxRow(long Id, string Purpose, string Recipient, string SubjectId, DateTime? SentAt, int Attempts, string? LastError, DateTime? LockedUntil);

    public Task<List<OutboxRow>> OutboxAsync() => QueryAsync<OutboxRow>("""
        SELECT "Id", "Purpose", "Recipient", "SubjectId", "SentAt", "Attempts", "LastError", "LockedUntil" FROM "EmailOutbox" ORDER BY "Id"
        """);

    public Task<int> StockAsync(long variantId) =>
        ScalarAsync<int>("""SELECT "Stock" FROM "ProductVariants" WHERE "Id" = @variantId""", new { variantId });

    public record RecurringRun(string RecurringJobId, long Time, int Jobs, int Succeeded);

    /// <summary>
    /// Each occurrence of a recurring job (its id and the scheduled time Hangfire stores with the job it
    /// creates), how many jobs were created for it and how many of them succeeded.
    /// </summary>
    public Task<List<RecurringRun>> RecurringRunsAsync() => QueryAsync<RecurringRun>("""
        SELECT trim(both '"' from r.value) AS "RecurringJobId", t.value::bigint AS "Time",
               count(DISTINCT r.jobid)::int AS "Jobs",
               count(s.id)::int AS "Succeeded"
        FROM hangfire.jobparameter r
        JOIN hangfire.jobparameter t ON t.jobid = r.jobid AND t.name = 'Time'
        LEFT JOIN hangfire.state s ON s.jobid = r.jobid AND s.name = 'Succeeded'
        WHERE r.name = 'RecurringJobId'
        GROUP BY 1, 2 ORDER BY 2, 1
        """);

    public record JobInFlight(long JobId, string Queue, string? ServerId);

    /// <summary>Jobs a worker holds right now: Processing, and still in the queue table with a fetch time.</summary>
    public Task<List<JobInFlight>> JobsInFlightAsync() => QueryAsync<JobInFlight>("""
        SELECT j.id AS "JobId", q.queue AS "Queue", s.data::jsonb ->> 'ServerId' AS "ServerId"
        FROM hangfire.job j
        JOIN hangfire.state s ON s.id = j.stateid
        JOIN hangfire.jobqueue q ON q.jobid = j.id AND q.fetchedat IS NOT NULL
        WHERE j.statename = 'Processing'
        """);

    public record JobState(long JobId, string Name, string? ServerId);

    public Task<List<JobState>> StatesOfAsync(IEnumerable<long> jobIds) => QueryAsync<JobState>("""
        SELECT jobid AS "JobId", name AS "Name", data::jsonb ->> 'ServerId' AS "ServerId" FROM hangfire.state WHERE jobid = ANY(@Ids) ORDER BY id
        """, new { Ids = jobIds.ToArray() });

    /// <summary>The ids of the job servers that reported recently (each worker process runs one).</summary>
    public Task<List<string>> LiveServersAsync() =>
        QueryAsync<string>("SELECT id FROM hangfire.server WHERE lastheartbeat > now() - interval '30 seconds'");

    /// <summary>
    /// Notes with photos still pending, and how many photo jobs were ever enqueued for each: none means
    /// the web node died between saving the note and enqueueing its job.
    /// </summary>
    public async Task<string> PendingPhotosAsync()
    {
        var notes = await QueryAsync<string>("""
            SELECT 'note ' || n."Id" || ': ' || count(p."Id") || ' pending, photo jobs ' ||
                   (SELECT count(*) FROM hangfire.job j
                    WHERE j.invocationdata::jsonb ->> 'Type' LIKE 'RedMvc.Workers.Jobs.ProcessNotePhotosJob%'
                      AND j.arguments::jsonb ->> 0 = n."Id"::text)
            FROM "Notes" n JOIN "NotePhotos" p ON p."NoteId" = n."Id" AND p."Status" = 0
            GROUP BY n."Id" ORDER BY n."Id"
            """);
        return notes.Count == 0 ? "No photo pending." : $"Pending photos: {string.Join("; ", notes)} (photo jobs 0: the job was never enqueued, and nothing sweeps pending photos).";
    }

    /// <summary>A short account of the jobs, for failure messages.</summary>
    public async Task<string> JobSummaryAsync()
    {
        var states = await QueryAsync<string>("SELECT statename || '=' || count(*) FROM hangfire.job GROUP BY statename ORDER BY statename");
        var failed = await QueryAsync<string>("""
            SELECT j.id || ' ' || (j.invocationdata::jsonb ->> 'Type') || ': ' || left(coalesce(s.data::jsonb ->> 'ExceptionMessage', ''), 200)
            FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid WHERE j.statename = 'Failed' ORDER BY j.id DESC LIMIT 5
            """);
        var servers = await QueryAsync<string>("SELECT id || ' heartbeat ' || lastheartbeat FROM hangfire.server");
        return $"Jobs by state: {string.Join(", ", states)}. Failed: {string.Join(" | ", failed)}. Servers: {string.Join(", ", servers)}.";
    }
}
