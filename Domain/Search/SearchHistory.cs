using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Search;

/// <summary>A member's recent searches and the hot-search list made from everyone's.</summary>
public static class SearchHistory
{
    public const int RecentShown = 10;
    public const int HotShown = 10;
    public static readonly TimeSpan HotWindow = TimeSpan.FromDays(1);

    /// <summary>Remembers a member's query (once per folded query; searching again moves it to the top).</summary>
    public static async Task RecordAsync(AppDbContext db, string userId, SearchQuery query, DateTime now, CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty) return;
        var text = string.Join(' ', query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var key = RecentSearch.KeyOf(text);
        var known = await db.RecentSearches.SingleOrDefaultAsync(s => s.UserId == userId && s.Key == key, cancellationToken);
        if (known is null) db.RecentSearches.Add(new RecentSearch(userId, text, now));
        else known.SearchedAgain(text, now);
        try { await db.SaveChangesAsync(cancellationToken); }
        catch (DbUpdateException) { } // the same member's same query from two tabs at once: one row is enough
    }

    public static Task<List<string>> RecentAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.RecentSearches.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.SearchedAt).ThenByDescending(s => s.Id)
            .Take(RecentShown).Select(s => s.Query).ToListAsync(cancellationToken);

    public static Task ClearAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.RecentSearches.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public static Task<List<string>> HotAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        db.HotSearches.AsNoTracking().Where(h => !db.HiddenSearchTerms.Any(t => t.Key == h.Key))
            .OrderBy(h => h.Rank).Take(HotShown).Select(h => h.Query).ToListAsync(cancellationToken);

    /// <summary>
    /// Replaces the hot list: queries of the last day by how many members ran them (each member once,
    /// as RecentSearch holds one row per member and query), hidden terms left out. Safe to run twice.
    /// </summary>
    public static async Task<int> ComputeHotAsync(AppDbContext db, DateTime now, CancellationToken cancellationToken = default)
    {
        var since = now - HotWindow;
        var top = await db.RecentSearches.AsNoTracking()
            .Where(s => s.SearchedAt >= since && !db.HiddenSearchTerms.Any(t => t.Key == s.Key))
            .GroupBy(s => s.Key)
            .Select(g => new { Key = g.Key, Members = g.Count(), Query = g.Max(s => s.Query)! })
            .OrderByDescending(g => g.Members).ThenBy(g => g.Key).Take(HotShown * 2).ToListAsync(cancellationToken);
        await db.InTransactionAsync(async () =>
        {
            await db.HotSearches.ExecuteDeleteAsync(cancellationToken);
            db.HotSearches.AddRange(top.Select((t, i) => new HotSearch(i + 1, t.Query, t.Key, t.Members, now)));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return top.Count;
    }

    /// <summary>Staff keep a term off the hot list at once and at every later computation.</summary>
    public static async Task HideAsync(AppDbContext db, string query, string staffId, DateTime now, CancellationToken cancellationToken = default)
    {
        var key = RecentSearch.KeyOf(query.Trim());
        if (key.Length == 0 || key.Length > RecentSearch.QueryMaxLength * 2 || await db.HiddenSearchTerms.AnyAsync(t => t.Key == key, cancellationToken)) return;
        db.HiddenSearchTerms.Add(new HiddenSearchTerm(key, staffId, now));
        await db.SaveChangesAsync(cancellationToken);
    }
}
