using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Commerce;

/// <summary>
/// Products on notes: an author attaches up to 10 products on sale to their note and may pin
/// them on its photos. A verified review ties a note to the order line it reviews.
/// </summary>
public static class NoteShopping
{
    public const int MaxPinsPerPhoto = 5;

    /// <summary>Null when attached (or already was); otherwise the resource key of the reason.</summary>
    public static async Task<string?> AttachAsync(AppDbContext db, long noteId, long productId, CancellationToken cancellationToken = default)
    {
        if (await db.NoteProducts.AnyAsync(p => p.NoteId == noteId && p.ProductId == productId, cancellationToken)) return null;
        if (!await db.Products.AnyAsync(p => p.Id == productId && p.Status == ProductStatus.Active, cancellationToken)) return "NoteProducts.Error.NotOnSale";
        var count = await db.NoteProducts.CountAsync(p => p.NoteId == noteId, cancellationToken);
        if (count >= NoteProduct.MaxPerNote) return "NoteProducts.Error.TooMany";
        db.NoteProducts.Add(new NoteProduct { NoteId = noteId, ProductId = productId, Position = count });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click attached it first; anything else is a real failure.
            if (!await db.NoteProducts.AsNoTracking().AnyAsync(p => p.NoteId == noteId && p.ProductId == productId, cancellationToken)) throw;
        }
        return null;
    }

    /// <summary>Takes the product off the note and off every photo of it.</summary>
    public static async Task DetachAsync(AppDbContext db, long noteId, long productId, CancellationToken cancellationToken = default)
    {
        var photoIds = db.NotePhotos.Where(p => p.NoteId == noteId).Select(p => p.Id);
        await db.ProductPins.Where(p => p.ProductId == productId && photoIds.Contains(p.NotePhotoId)).ExecuteDeleteAsync(cancellationToken);
        await db.NoteProducts.Where(p => p.NoteId == noteId && p.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Pins an attached product on one of the note's photos; a product has at most one pin per photo (a new one moves it).</summary>
    public static async Task<string?> PinAsync(AppDbContext db, long noteId, long photoId, long productId, double x, double y, CancellationToken cancellationToken = default)
    {
        if (!await db.NotePhotos.AnyAsync(p => p.Id == photoId && p.NoteId == noteId, cancellationToken)) return "NoteProducts.Error.Photo";
        if (!await db.NoteProducts.AnyAsync(p => p.NoteId == noteId && p.ProductId == productId, cancellationToken)) return "NoteProducts.Error.NotAttached";
        var pin = new ProductPin(photoId, productId, x, y);
        await db.ProductPins.Where(p => p.NotePhotoId == photoId && p.ProductId == productId).ExecuteDeleteAsync(cancellationToken);
        if (await db.ProductPins.CountAsync(p => p.NotePhotoId == photoId, cancellationToken) >= MaxPinsPerPhoto) return "NoteProducts.Error.TooManyPins";
        db.ProductPins.Add(pin);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public static Task UnpinAsync(AppDbContext db, long noteId, long pinId, CancellationToken cancellationToken = default)
    {
        var photoIds = db.NotePhotos.Where(p => p.NoteId == noteId).Select(p => p.Id);
        return db.ProductPins.Where(p => p.Id == pinId && photoIds.Contains(p.NotePhotoId)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The order line a buyer may review: theirs, delivered (or completed), not reviewed by another
    /// note. Null when it is not reviewable by this member.
    /// </summary>
    public static Task<OrderLine?> ReviewableLineAsync(AppDbContext db, long lineId, string buyerId, long? noteId = null, CancellationToken cancellationToken = default) =>
        db.OrderLines.Where(l => l.Id == lineId && (l.ReviewNoteId == null || l.ReviewNoteId == noteId))
            .Where(l => db.Orders.Any(o => o.Id == l.OrderId && o.BuyerId == buyerId && (o.Status == OrderStatus.Delivered || o.Status == OrderStatus.Completed)))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Ties a published note to the line it reviews and attaches the product to the note.</summary>
    public static async Task<bool> LinkReviewAsync(AppDbContext db, long lineId, string buyerId, long noteId, CancellationToken cancellationToken = default)
    {
        var line = await ReviewableLineAsync(db, lineId, buyerId, noteId, cancellationToken);
        if (line is null) return false;
        line.AttachReview(noteId);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.NoteProducts.AnyAsync(p => p.NoteId == noteId && p.ProductId == line.ProductId, cancellationToken))
        {
            db.NoteProducts.Add(new NoteProduct { NoteId = noteId, ProductId = line.ProductId, Position = await db.NoteProducts.CountAsync(p => p.NoteId == noteId, cancellationToken) });
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}
