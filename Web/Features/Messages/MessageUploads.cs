using Hangfire;
using RedMvc.Workers.Files;
using RedMvc.Workers.Images;
using RedMvc.Workers.Jobs;

namespace RedMvc.Web.Features.Messages;

/// <summary>Photos sent in a message: inspected before anything is stored, kept as private originals, made into sizes by a job.</summary>
public class MessageUploads(UploadInspector inspector, IOptions<UploadLimits> limits, IFileStore files, IBackgroundJobClient jobs, IStringLocalizer<SharedResource> t)
{
    /// <summary>The files a browser really sent (an empty file input posts one nameless, empty part).</summary>
    public static List<IFormFile> Chosen(IEnumerable<IFormFile> uploads) => uploads.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();

    /// <summary>Why the first refused photo is refused, in the reader's words; null when every one is acceptable.</summary>
    public async Task<string?> ProblemAsync(IReadOnlyList<IFormFile> uploads, CancellationToken cancellationToken)
    {
        foreach (var upload in uploads)
        {
            var result = await inspector.InspectAsync(upload, limits.Value, cancellationToken);
            if (!result.IsAcceptable) return t["Upload.Refused", upload.FileName, t.UploadMessage(result.Problem, limits.Value)];
        }
        return null;
    }

    public async Task<List<string>> StoreAsync(IReadOnlyList<IFormFile> uploads, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        foreach (var upload in uploads) keys.Add(await files.SaveOriginalAsync(upload, "messages", cancellationToken));
        return keys;
    }

    public void Process(long messageId) => jobs.Enqueue<ProcessMessagePhotosJob>(job => job.RunAsync(messageId, CancellationToken.None));
}
