namespace RedMvc.Web.Features.Shared;

public record PhotoView(long Id, PhotoStatus Status, string? FailureReason, int Width, int Height, string? DominantColor,
    string? ContentHash, IReadOnlyList<int> Widths, string Alt)
{
    public bool IsReady => Status == PhotoStatus.Ready && ContentHash is not null && Widths.Count > 0;

    public string SrcSet(string extension) =>
        string.Join(", ", Widths.Select(w => $"/media/{NotePhoto.PublicKey(ContentHash!, w, extension)} {w}w"));

    public string Src(string extension) => $"/media/{NotePhoto.PublicKey(ContentHash!, Widths.Max(), extension)}";

    /// <summary>Height for the rendered width, so the page reserves the space before the photo arrives.</summary>
    public int HeightAt(int width) => Width == 0 ? width * 4 / 3 : (int)Math.Round((double)Height * width / Width);

    /// <summary>The author described this photo; otherwise Alt is the note's title.</summary>
    public bool HasAuthorAlt { get; init; }

    /// <summary>A note photo as pages show it; the note's title is the alt text when the author gave none.</summary>
    public static PhotoView Of(NotePhoto p, string noteTitle) =>
        new(p.Id, p.Status, p.FailureReason, p.Width, p.Height, p.DominantColor, p.ContentHash, p.WidthList, p.AltText ?? noteTitle)
        {
            HasAuthorAlt = p.AltText is not null,
        };

    /// <summary>One of several photos: without the author's words, the alt says which ("Photo 2 of 5: title"), so they do not all read the same.</summary>
    public PhotoView InSeries(string numberedAlt) => HasAuthorAlt ? this : this with { Alt = numberedAlt };
}
