namespace RedMvc.Workers.Images;

/// <summary>Bound from "Uploads". QUALITY.md's limits on what a member may upload.</summary>
public class UploadLimits
{
    public long MaxFileBytes { get; set; } = 20 * 1024 * 1024;
    public long MaxRequestBytes { get; set; } = 200 * 1024 * 1024;
    public int MaxSide { get; set; } = 12_000;
    public long MaxPixels { get; set; } = 50_000_000;
    public int MaxGifFrames { get; set; } = 500;
}

/// <summary>Why an upload was refused; each has a message "Upload.{Problem}" in the UI resources.</summary>
public enum UploadProblem { None, Empty, TooLarge, NotAnImage, Corrupt, TooWide, TooManyPixels, TooManyFrames }

/// <summary>What the bytes turned out to be. Format is "jpeg", "png", "webp" or "gif" when acceptable.</summary>
public record UploadInspection(UploadProblem Problem, string? Format = null, int Width = 0, int Height = 0)
{
    public bool IsAcceptable => Problem == UploadProblem.None;
}
