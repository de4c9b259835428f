using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Accounts;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;

namespace RedMvc.Domain.Search;

/// <summary>
/// Keeps the index rows in step with the items: reads outbox rows, looks at each item as it is now
/// (indexed when it may be found at all, removed otherwise) and deletes the rows it handled, all in
/// one transaction. Safe to run twice or side by side: the outcome depends only on the items.
/// Rebuild indexes everything again from scratch, for `reindex` and a new analyser.
/// </summary>
public static class SearchIndexing
{
    public const int BatchSize = 500;

    /// <summary>Handles up to one batch of outbox rows; returns how many it handled (0: the outbox is empty).</summary>
    public static async Task<int> DrainAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var handled = 0;
        // The rows are read inside the transaction: on SQLite it takes the write lock first, so a second
        // drain waits and then finds them gone instead of indexing the same items twice.
        await db.InTransactionAsync(async () =>
        {
            var rows = await db.SearchOutbox.OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0) return;
            var keys = rows.ToLookup(r => r.Kind, r => r.ItemKey);
            await IndexNotesAsync(db, Ids(keys[SearchKind.Note]), cancellationToken);
            await IndexPeopleAsync(db, keys[SearchKind.Person].Distinct().ToList(), cancellationToken);
            var shopIds = Ids(keys[SearchKind.Shop]);
            var ofShops = await db.Products.Where(p => shopIds.Contains(p.ShopId)).Select(p => p.Id).ToListAsync(cancellationToken);
            await IndexProductsAsync(db, Ids(keys[SearchKind.Product]).Concat(ofShops).Distinct().ToList(), cancellationToken);
            db.SearchOutbox.RemoveRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            handled = rows.Count;
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return handled;
    }

    /// <summary>Drops every index row and indexes every item again, in batches; returns the number of items indexed.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.SearchNotes.ExecuteDeleteAsync(cancellationToken);
        await db.SearchPeople.ExecuteDeleteAsync(cancellationToken);
        await db.SearchProducts.ExecuteDeleteAsync(cancellationToken);
        await LoadUserDictionaryAsync(db, cancellationToken);
        var count = 0;
        count += await InBatchesAsync(db, db.Notes.Where(n => n.Status == NoteStatus.Published).Select(n => n.Id),
            ids => IndexNotesAsync(db, ids, cancellationToken), cancellationToken);
        count += await InBatchesAsync(db, db.Products.Where(p => p.Status == ProductStatus.Active).Select(p => p.Id),
            ids => IndexProductsAsync(db, ids, cancellationToken), cancellationToken);
        var userIds = await db.Users.Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var chunk in userIds.Chunk(BatchSize))
        {
            await IndexPeopleAsync(db, chunk, cancellationToken);
            db.ChangeTracker.Clear();
        }
        return count + userIds.Count;
    }

    /// <summary>Topics, product titles and shop names join jieba's dictionary so they segment as one word.</summary>
    public static async Task LoadUserDictionaryAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var words = await db.Topics.Select(t => t.Name).ToListAsync(cancellationToken);
        words.AddRange(await db.Shops.Select(s => s.Name).ToListAsync(cancellationToken));
        words.AddRange(await db.Products.Where(p => p.Status == ProductStatus.Active).Select(p => p.Title).ToListAsync(cancellationToken));
        ChineseSegmenter.Instance.AddWords(words);
    }

    private static async Task<int> InBatchesAsync(AppDbContext db, IQueryable<long> ids, Func<IReadOnlyCollection<long>, Task> index, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = 0L;
        while (true)
        {
            var batch = await ids.Where(id => id > after).OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return count;
            await index(batch);
            db.ChangeTracker.Clear();
            count += batch.Count;
            after = batch[^1];
        }
    }

    private static async Task IndexNotesAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        var notes = await db.Notes.AsNoTracking().Where(n => ids.Contains(n.Id) && n.Status == NoteStatus.Published)
            .Select(n => new { n.Id, n.Title, n.Body, n.Place }).ToDictionaryAsync(n => n.Id, cancellationToken);
        var entries = await db.SearchNotes.Where(e => ids.Contains(e.NoteId)).ToDictionaryAsync(e => e.NoteId, cancellationToken);
        foreach (var id in ids)
        {
            notes.TryGetValue(id, out var note);
            entries.TryGetValue(id, out var entry);
            if (note is null) { if (entry is not null) db.SearchNotes.Remove(entry); continue; }
            entry ??= db.SearchNotes.Add(new NoteSearchEntry { NoteId = id }).Entity;
            entry.Title = SearchText.ForIndex(note.Title);
            entry.Body = SearchText.ForIndex($"{note.Body} {note.Place}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task IndexPeopleAsync(AppDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        var people = (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Handle, u.Bio }).ToListAsync(cancellationToken))
            .Where(u => !AccountErasure.IsTombstone(u.Handle)).ToDictionary(u => u.Id);
        var entries = await db.SearchPeople.Where(e => ids.Contains(e.UserId)).ToDictionaryAsync(e => e.UserId, cancellationToken);
        foreach (var id in ids)
        {
            people.TryGetValue(id, out var person);
            entries.TryGetValue(id, out var entry);
            if (person is null) { if (entry is not null) db.SearchPeople.Remove(entry); continue; }
            entry ??= db.SearchPeople.Add(new PersonSearchEntry { UserId = id }).Entity;
            entry.Title = SearchText.ForIndex($"{person.DisplayName} {person.Handle}");
            entry.Body = SearchText.ForIndex(person.Bio);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task IndexProductsAsync(AppDbContext db, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) && p.Status == ProductStatus.Active)
            .Join(db.Shops, p => p.ShopId, s => s.Id, (p, s) => new { p.Id, p.Title, p.Description, p.Category, Shop = s.Name })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var entries = await db.SearchProducts.Where(e => ids.Contains(e.ProductId)).ToDictionaryAsync(e => e.ProductId, cancellationToken);
        foreach (var id in ids)
        {
            products.TryGetValue(id, out var product);
            entries.TryGetValue(id, out var entry);
            if (product is null) { if (entry is not null) db.SearchProducts.Remove(entry); continue; }
            entry ??= db.SearchProducts.Add(new ProductSearchEntry { ProductId = id }).Entity;
            entry.Title = SearchText.ForIndex(product.Title);
            entry.Body = SearchText.ForIndex($"{product.Shop} {product.Category} {product.Description}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<long> Ids(IEnumerable<string> keys) =>
        keys.Select(k => long.TryParse(k, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
}
