using RedMvc.Domain.Notes;

namespace RedMvc.Domain.Messages;

/// <summary>
/// A photo sent in a message: the original kept privately under OriginalKey, the public sizes made by
/// the same pipeline and under the same names as note photos (NotePhoto.PublicKey).
/// </summary>
public class MessagePhoto
{
    private MessagePhoto() { }

    public MessagePhoto(string originalKey, int position)
    {
        OriginalKey = originalKey;
        Position = position;
        Status = PhotoStatus.Pending;
    }

    public long Id { get; private set; }
    public long MessageId { get; private set; }
    public int Position { get; private set; }
    public string OriginalKey { get; private set; } = "";
    public PhotoStatus Status { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string? DominantColor { get; private set; }
    public string? ContentHash { get; private set; }

    /// <summary>Comma-separated output widths, as NotePhoto.Widths.</summary>
    public string? Widths { get; private set; }

    public IReadOnlyList<int> WidthList =>
        string.IsNullOrEmpty(Widths) ? [] : Widths.Split(',').Select(int.Parse).ToList();

    public void MarkReady(int width, int height, string dominantColor, string contentHash, IEnumerable<int> widths)
    {
        (Width, Height, DominantColor, ContentHash) = (width, height, dominantColor, contentHash);
        Widths = string.Join(',', widths);
        Status = PhotoStatus.Ready;
    }

    public void MarkFailed() => Status = PhotoStatus.Failed;
}
