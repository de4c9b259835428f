namespace RedMvc.Domain.Groups;

/// <summary>
/// One photo of a thread, made by the same pipeline as note photos: the original kept privately under
/// OriginalKey, the public sizes named by ContentHash and Widths (NotePhoto.PublicKey).
/// </summary>
public class GroupThreadPhoto
{
    private GroupThreadPhoto() { }

    public GroupThreadPhoto(string originalKey, int position)
    {
        OriginalKey = originalKey;
        Position = position;
    }

    public long Id { get; private set; }
    public long ThreadId { get; private set; }
    public int Position { get; private set; }
    public string OriginalKey { get; private set; } = "";
    public bool IsReady { get; private set; }
    public bool IsFailed { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public string? DominantColor { get; private set; }
    public string? ContentHash { get; private set; }
    public string? Widths { get; private set; }

    public IReadOnlyList<int> WidthList =>
        string.IsNullOrEmpty(Widths) ? [] : Widths.Split(',').Select(int.Parse).ToList();

    public void MarkReady(int width, int height, string dominantColor, string contentHash, IEnumerable<int> widths)
    {
        (Width, Height, DominantColor, ContentHash) = (width, height, dominantColor, contentHash);
        Widths = string.Join(',', widths);
        IsReady = true;
        IsFailed = false;
    }

    public void MarkFailed() => IsFailed = true;
}
