using RedMvc.Domain.Text;

namespace RedMvc.Domain.Notes;

/// <summary>
/// One photo of a note. The original is kept privately under OriginalKey; the pipeline writes the
/// public sizes named "photos/{ContentHash}_{width}.{webp|jpg}" for each width in Widths.
/// </summary>
public class NotePhoto
{
    public const int AltTextMaxLength = 120;

    /// <summary>The author's description of the photo for screen readers; the column holds two UTF-16 units a character.</summary>
    public static readonly TextRule AltTextRule = new(AltTextMaxLength, AltTextMaxLength * 2);

    private NotePhoto() { }

    public NotePhoto(string originalKey, string originalFileName, int position)
    {
        OriginalKey = originalKey;
        OriginalFileName = originalFileName.Length > 200 ? originalFileName[..200] : originalFileName;
        Position = position;
        Status = PhotoStatus.Pending;
    }

    public long Id { get; private set; }
    public long NoteId { get; private set; }
    public int Position { get; private set; }
    public string OriginalKey { get; private set; } = "";
    public string OriginalFileName { get; private set; } = "";
    public string? AltText { get; private set; }
    public PhotoStatus Status { get; private set; }
    public string? FailureReason { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>"#rrggbb", shown as the placeholder while the photo loads.</summary>
    public string? DominantColor { get; private set; }
    public string? ContentHash { get; private set; }

    /// <summary>Comma-separated output widths, e.g. "360,720,1440" (never wider than the original).</summary>
    public string? Widths { get; private set; }

    /// <summary>Sets the author's description (already checked by AltTextRule); null leaves pages to describe the photo by the note.</summary>
    public void Describe(string? altText) => AltText = altText;

    public IReadOnlyList<int> WidthList =>
        string.IsNullOrEmpty(Widths) ? [] : Widths.Split(',').Select(int.Parse).ToList();

    public void MoveTo(int position) => Position = position;

    public void MarkReady(int width, int height, string dominantColor, string contentHash, IEnumerable<int> widths)
    {
        Width = width;
        Height = height;
        DominantColor = dominantColor;
        ContentHash = contentHash;
        Widths = string.Join(',', widths);
        Status = PhotoStatus.Ready;
        FailureReason = null;
    }

    public void MarkFailed(string reason)
    {
        Status = PhotoStatus.Failed;
        FailureReason = reason.Length > 300 ? reason[..300] : reason;
    }

    public static string PublicKey(string contentHash, int width, string extension) => $"photos/{contentHash}_{width}.{extension}";
}
