using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using SixLabors.ImageSharp;

namespace RedMvc.Workers.Accounts;

/// <summary>
/// Writes one member's data as a zip: profile.json (with the address book), notes.json and each
/// note's photos under photos/, comments.json and orders.json. Only what the member made or owns:
/// other people's comments, names and handles never go in.
/// </summary>
public class MemberDataArchive(AppDbContext db, IFileStore files)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // A file for the member to read, not HTML: Chinese stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>False when there is no such member.</returns>
    public async Task<bool> WriteAsync(string userId, Stream output, DateTime now, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return false;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Id)
            .Select(a => new { a.Name, a.Phone, a.Province, a.City, a.District, a.Line, a.IsDefault }).ToListAsync(cancellationToken);
        await WriteJsonAsync(zip, "profile.json", new
        {
            ExportedAt = now,
            user.Handle,
            user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.Bio,
            user.Region,
            Language = user.Culture,
            MemberSince = user.CreatedAt,
            user.HideCollects,
            Roles = roles,
            Following = await db.Follows.CountAsync(f => f.FollowerId == userId, cancellationToken),
            Followers = await db.Follows.CountAsync(f => f.FolloweeId == userId, cancellationToken),
            Addresses = addresses,
        }, cancellationToken);

        await WriteNotesAsync(zip, userId, cancellationToken);

        var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId && c.DeletedAt == null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.NoteId, Note = "/notes/" + c.NoteId, IsReply = c.ParentId != null, c.Body, c.CreatedAt, Likes = c.LikeCount })
            .ToListAsync(cancellationToken);
        await WriteJsonAsync(zip, "comments.json", comments, cancellationToken);

        await WriteOrdersAsync(zip, userId, cancellationToken);
        return true;
    }

    private async Task WriteNotesAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var notes = await db.Notes.AsNoTracking().Include(n => n.Photos).Include(n => n.Topics).ThenInclude(t => t.Topic).AsSplitQuery()
            .Where(n => n.AuthorId == userId && n.Status != NoteStatus.Deleted).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        var written = new List<object>();
        foreach (var note in notes)
        {
            var photos = new List<object>();
            foreach (var photo in note.Photos.OrderBy(p => p.Position))
            {
                var entry = await WritePhotoAsync(zip, $"photos/{note.Id}-{photo.Position + 1}", photo, cancellationToken);
                photos.Add(new { File = entry, photo.AltText, photo.Width, photo.Height });
            }
            written.Add(new
            {
                note.Id,
                note.Title,
                note.Body,
                note.Channel,
                note.Place,
                Visibility = note.Visibility.ToString(),
                Status = note.Status.ToString(),
                note.CreatedAt,
                note.UpdatedAt,
                note.PublishedAt,
                note.ScheduledFor,
                Topics = note.Topics.Select(t => t.Topic?.Name).OfType<string>().ToList(),
                Likes = note.LikeCount,
                Collects = note.CollectCount,
                Comments = note.CommentCount,
                Photos = photos,
            });
        }
        await WriteJsonAsync(zip, "notes.json", written, cancellationToken);
    }

    /// <summary>The largest stored size (as JPEG, metadata stripped), or the original upload while there is none.</summary>
    /// <returns>The path in the zip, or null when neither file exists.</returns>
    private async Task<string?> WritePhotoAsync(ZipArchive zip, string baseName, NotePhoto photo, CancellationToken cancellationToken)
    {
        if (photo.Status == PhotoStatus.Ready && photo.ContentHash is { } hash && photo.WidthList.Count > 0)
        {
            await using var rendition = await files.OpenReadAsync(NotePhoto.PublicKey(hash, photo.WidthList.Max(), PhotoProcessor.JpegExtension), cancellationToken);
            if (rendition is not null) return await CopyAsync(zip, baseName + ".jpg", rendition, cancellationToken);
        }
        await using var original = await files.OpenReadAsync(photo.OriginalKey, cancellationToken);
        if (original is null) return null;
        var buffer = new MemoryStream();
        await original.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var extension = AcceptedImages.FormatName(Image.DetectFormat(AcceptedImages.Configuration, buffer)) switch
        {
            "jpeg" => ".jpg",
            { } name => "." + name,
            null => "",
        };
        buffer.Position = 0;
        return await CopyAsync(zip, baseName + extension, buffer, cancellationToken);
    }

    private async Task WriteOrdersAsync(ZipArchive zip, string userId, CancellationToken cancellationToken)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .Where(o => o.BuyerId == userId).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        var shopIds = orders.Select(o => o.ShopId).Distinct().ToList();
        var shops = await db.Shops.AsNoTracking().Where(s => shopIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        await WriteJsonAsync(zip, "orders.json", orders.Select(o => new
        {
            o.Number,
            Shop = shops.GetValueOrDefault(o.ShopId),
            Status = o.Status.ToString(),
            Currency = "CNY",
            SubtotalFen = o.SubtotalFen,
            ShippingFen = o.ShippingFen,
            TotalFen = o.TotalFen,
            o.Address,
            o.PlacedAt,
            o.PaidAt,
            o.ShippedAt,
            o.DeliveredAt,
            o.CompletedAt,
            o.CancelledAt,
            o.Carrier,
            o.TrackingNumber,
            o.ReturnReason,
            Lines = o.Lines.OrderBy(l => l.Id).Select(l => new { l.Title, Variant = l.VariantName, l.UnitPriceFen, l.Quantity, Product = "/products/" + l.ProductId }),
            Timeline = o.Timeline.OrderBy(e => e.Id).Select(e => new { Status = e.Status.ToString(), e.At }),
        }).ToList(), cancellationToken);
    }

    private static async Task WriteJsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken cancellationToken)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }

    private static async Task<string> CopyAsync(ZipArchive zip, string name, Stream content, CancellationToken cancellationToken)
    {
        // Photos are compressed already.
        await using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        await content.CopyToAsync(stream, cancellationToken);
        return name;
    }
}
