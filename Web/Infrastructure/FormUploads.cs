using RedMvc.Workers.Files;
using RedMvc.Workers.Images;

namespace RedMvc.Web.Infrastructure;

/// <summary>Checking an uploaded file before anything is stored, and naming the reason when it is refused.</summary>
public static class FormUploads
{
    public static async Task<UploadInspection> InspectAsync(this UploadInspector inspector, IFormFile upload, UploadLimits limits, CancellationToken cancellationToken)
    {
        if (upload.Length > limits.MaxFileBytes) return new UploadInspection(UploadProblem.TooLarge);
        await using var stream = upload.OpenReadStream();
        return await inspector.InspectAsync(stream, cancellationToken);
    }

    /// <summary>Keeps an accepted upload privately under originals/{folder}; the key is for the processing job.</summary>
    public static async Task<string> SaveOriginalAsync(this IFileStore files, IFormFile upload, string folder, CancellationToken cancellationToken)
    {
        var key = folder.Length == 0 ? $"originals/{Guid.NewGuid():N}" : $"originals/{folder}/{Guid.NewGuid():N}";
        await using var stream = upload.OpenReadStream();
        await files.SaveAsync(key, stream, cancellationToken);
        return key;
    }

    public static string UploadMessage(this IStringLocalizer t, UploadProblem problem, UploadLimits limits) =>
        t[$"Upload.{problem}", limits.MaxFileBytes / 1024 / 1024, limits.MaxSide, limits.MaxPixels / 1_000_000];
}
