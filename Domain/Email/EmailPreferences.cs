using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Email;

/// <summary>Reads and changes a member's mail choices; a category without a row has its default.</summary>
public static class EmailPreferences
{
    /// <summary>Every category's choice, defaults filled in, in MailCategories.All order.</summary>
    public static async Task<IReadOnlyDictionary<MailCategory, MailChoice>> ChoicesAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var saved = await db.EmailPreferences.AsNoTracking().Where(p => p.UserId == userId)
            .ToDictionaryAsync(p => p.Category, p => p.Choice, cancellationToken);
        return MailCategories.All.ToDictionary(c => c, c => saved.TryGetValue(c, out var choice) ? choice : MailCategories.DefaultOf(c));
    }

    public static async Task<MailChoice> ChoiceAsync(AppDbContext db, string userId, MailCategory category, CancellationToken cancellationToken = default) =>
        await db.EmailPreferences.Where(p => p.UserId == userId && p.Category == category).Select(p => (MailChoice?)p.Choice)
            .SingleOrDefaultAsync(cancellationToken) ?? MailCategories.DefaultOf(category);

    /// <summary>Saves the given choices; any choice a category does not offer refuses the whole change.</summary>
    /// <returns>False when something was refused; nothing is saved then.</returns>
    public static async Task<bool> SaveAsync(AppDbContext db, string userId, IReadOnlyDictionary<MailCategory, MailChoice> choices, CancellationToken cancellationToken = default)
    {
        if (choices.Any(c => !MailCategories.Allows(c.Key, c.Value))) return false;
        await EnsureRowsAsync(db, userId, choices.Keys, cancellationToken);
        foreach (var (category, choice) in choices)
            await db.EmailPreferences.Where(p => p.UserId == userId && p.Category == category)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Choice, choice), cancellationToken);
        return true;
    }

    /// <summary>One-click unsubscribe: the categories go Off; repeating it changes nothing.</summary>
    public static Task<bool> TurnOffAsync(AppDbContext db, string userId, IEnumerable<MailCategory> categories, CancellationToken cancellationToken = default) =>
        SaveAsync(db, userId, categories.Distinct().ToDictionary(c => c, _ => MailChoice.Off), cancellationToken);

    /// <summary>
    /// Makes the member's rows for the categories, with default choices, where missing. The mailing job
    /// moves its cursors with conditional updates, which need a row to update; a row two callers race to
    /// make is made once (the key refuses the second).
    /// </summary>
    public static async Task EnsureRowsAsync(AppDbContext db, string userId, IEnumerable<MailCategory> categories, CancellationToken cancellationToken = default)
    {
        var wanted = categories.Distinct().ToList();
        var existing = await db.EmailPreferences.Where(p => p.UserId == userId && wanted.Contains(p.Category)).Select(p => p.Category).ToListAsync(cancellationToken);
        var missing = wanted.Except(existing).ToList();
        if (missing.Count == 0 || await TryAddAsync(db, userId, missing, cancellationToken)) return;
        // Some were made a moment ago by another request or job run: theirs stand, the rest are made one by one.
        foreach (var category in missing)
            if (!await TryAddAsync(db, userId, [category], cancellationToken)
                && !await db.EmailPreferences.AnyAsync(p => p.UserId == userId && p.Category == category, cancellationToken))
                throw new InvalidOperationException($"The mail preference row for {category} could not be made.");
    }

    /// <returns>False when the key refused a row (another caller made it first); nothing is saved then.</returns>
    private static async Task<bool> TryAddAsync(AppDbContext db, string userId, IReadOnlyList<MailCategory> categories, CancellationToken cancellationToken)
    {
        var rows = categories.Select(c => new EmailPreference(userId, c, MailCategories.DefaultOf(c))).ToList();
        db.EmailPreferences.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Keeps when the member last loaded a page (callers throttle it to about once a minute).</summary>
    public static async Task RecordSeenAsync(AppDbContext db, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (await db.LastSeen.Where(s => s.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.At, now), cancellationToken) == 1) return;
        var seen = new LastSeen(userId, now);
        db.LastSeen.Add(seen);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same member a moment ago; that time is as good.
        }
        finally
        {
            db.Entry(seen).State = EntityState.Detached;
        }
    }
}
