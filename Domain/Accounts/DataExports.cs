using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Accounts;

/// <summary>
/// Members' data exports. The state of each member's latest export is one row of Identity's user
/// tokens table (a per-member key and value that goes with the account), so no table of its own is
/// needed; every change is a conditional write on the value read, so two requests cannot both win.
/// </summary>
public static class DataExports
{
    public const string TokenProvider = "[RedMvc]";
    public const string TokenName = "DataExport";

    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan RequestGap = TimeSpan.FromDays(1);

    public static async Task<DataExport?> FindAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        Parse(await RowOf(db, userId).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken));

    /// <summary>Records a new request unless the last one is pending or less than a day old.</summary>
    public static async Task<DataExportRequest> RequestAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var stored = await RowOf(db, userId).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
        var current = Parse(stored);
        // A request still pending after a day lost its job for good: a new one replaces it.
        if (current is not null && now < current.NextRequestAt)
            return current.IsPending ? new DataExportRequest.StillPending() : new DataExportRequest.TooSoon(current.NextRequestAt);

        // The previous zip is removed by the job that makes the new one.
        var export = new DataExport(NewKey(), now, PreviousKey: current is { FileRemoved: false } ? current.Key : null);
        if (stored is null)
        {
            var row = new IdentityUserToken<string> { UserId = userId, LoginProvider = TokenProvider, Name = TokenName, Value = Serialize(export) };
            db.UserTokens.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second click raced this one to the row: that request is the pending one.
                db.Entry(row).State = EntityState.Detached;
                return new DataExportRequest.StillPending();
            }
        }
        else if (!await ReplaceAsync(db, userId, stored, export, cancellationToken))
        {
            return new DataExportRequest.StillPending();
        }
        return new DataExportRequest.Accepted(export);
    }

    /// <summary>
    /// The zip for this key is in the store: the link works from now for LinkLifetime. Safe to repeat.
    /// </summary>
    /// <returns>The export as it stands, or null when a newer request replaced this key (or the account is gone).</returns>
    public static async Task<DataExport?> MarkReadyAsync(AppDbContext db, string userId, string key, DateTime now, CancellationToken cancellationToken = default)
    {
        var stored = await RowOf(db, userId).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
        var current = Parse(stored);
        if (current is null || current.Key != key) return null;
        if (!current.IsPending) return current;
        var ready = current with { ReadyAt = now, ExpiresAt = now + LinkLifetime, PreviousKey = null };
        if (await ReplaceAsync(db, userId, stored!, ready, cancellationToken)) return ready;
        // Another runner wrote first: what it wrote stands.
        var latest = await FindAsync(db, userId, cancellationToken);
        return latest is not null && latest.Key == key ? latest : null;
    }

    /// <summary>Records that an expired export's zip was deleted; the row stays so its link answers "expired".</summary>
    public static async Task MarkFileRemovedAsync(AppDbContext db, string userId, string key, CancellationToken cancellationToken = default)
    {
        var stored = await RowOf(db, userId).Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
        if (Parse(stored) is { } current && current.Key == key && !current.FileRemoved)
            await ReplaceAsync(db, userId, stored!, current with { FileRemoved = true }, cancellationToken);
    }

    /// <summary>Every member's latest export, for the sweeper.</summary>
    public static async Task<List<(string UserId, DataExport Export)>> AllAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await db.UserTokens.AsNoTracking().Where(t => t.LoginProvider == TokenProvider && t.Name == TokenName)
            .Select(t => new { t.UserId, t.Value }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.UserId, Export: Parse(r.Value))).Where(r => r.Export is not null).Select(r => (r.UserId, r.Export!)).ToList();
    }

    /// <summary>What the link with this key is to the member who holds this export.</summary>
    public static DataExportLink Check(DataExport? export, string? key, DateTime now)
    {
        if (export is null || string.IsNullOrEmpty(key) || export.IsPending) return DataExportLink.Unknown;
        var same = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(export.Key), Encoding.ASCII.GetBytes(key));
        if (!same) return DataExportLink.Unknown;
        return export.HasExpired(now) || export.FileRemoved ? DataExportLink.Expired : DataExportLink.Valid;
    }

    private static IQueryable<IdentityUserToken<string>> RowOf(AppDbContext db, string userId) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == TokenName);

    private static async Task<bool> ReplaceAsync(AppDbContext db, string userId, string stored, DataExport export, CancellationToken cancellationToken)
    {
        var value = Serialize(export);
        return await RowOf(db, userId).Where(t => t.Value == stored)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), cancellationToken) == 1;
    }

    /// <summary>128 random bits, URL-safe: the link cannot be guessed.</summary>
    private static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string Serialize(DataExport export) => JsonSerializer.Serialize(export);

    private static DataExport? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        try
        {
            return JsonSerializer.Deserialize<DataExport>(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
