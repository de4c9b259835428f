using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;
using RedMvc.Domain.Moderation;
using RedMvc.Domain.Notifications;

namespace RedMvc.Domain.Notes;

/// <summary>
/// Posting and editing a note: the one workflow the note form, the demo seeders and the tests call.
/// Problems are checked before any upload is stored; SaveAsync then writes everything in one transaction.
/// </summary>
public static class NotePosting
{
    /// <summary>What is wrong with the post as (field, resource key): the text, the photo count and the schedule.</summary>
    public static IReadOnlyList<(string Field, string Error)> Problems(Note? existing, NotePost post, NoteLimits limits, DateTime now)
    {
        var problems = post.Content.Problems(limits).ToList();
        var kept = existing?.Photos.Count(p => post.KeepPhotoIds.Contains(p.Id)) ?? 0;
        if (limits.PhotoCountProblem(kept + post.NewPhotoCount, goingLive: post.Action != PostAction.Draft) is { } photoProblem)
            problems.Add((NotePost.PhotosField, photoProblem));
        if (post.Action == PostAction.Schedule && (post.ScheduleAt is not { } at || !limits.IsInScheduleWindow(at, now)))
            problems.Add((NotePost.ScheduleField, "Note.Error.ScheduleWindow"));
        problems.AddRange(AltTextProblems(post).Select(error => (NotePost.AltTextsField, error)));
        return problems;
    }

    /// <summary>
    /// Saves a post that has no problems (a new note when <paramref name="existing"/> is null): photos,
    /// text, topics and mentions, the state asked for, the mention notices and, for a new note, the
    /// purchase it reviews. The caller enqueues the photo and publishing jobs after this returns.
    /// Text is stored as UserText cleans it, and text with problems is refused here too, so no caller skips the limits.
    /// The caller screens the text first (Screening): a held note is saved visible to its author only.
    /// </summary>
    public static async Task<Note> SaveAsync(AppDbContext db, string authorId, Note? existing, NotePost post, IReadOnlyList<NewPhoto> newPhotos,
        NoteLimits limits, DateTime now, long? reviewLineId = null, ScreeningVerdict screening = default, CancellationToken cancellationToken = default)
    {
        if (screening.Blocks) throw new NoteRuleException(ScreeningVerdict.BlockedKey);
        var (content, problems) = post.Content.Check(limits);
        if (problems.Count > 0) throw new NoteRuleException(problems[0].Error);
        if (AltTextProblems(post).FirstOrDefault() is { } altProblem) throw new NoteRuleException(altProblem);
        var note = existing ?? Note.Draft(authorId, content, now);
        ApplyPhotos(note, post.KeepPhotoIds, newPhotos);
        DescribePhotos(note, post.AltTexts);
        note.Edit(content, now);
        note.Screen(screening, now);
        await NoteTagging.ApplyAsync(db, note, cancellationToken);
        GoLive(note, post, limits, now);
        if (existing is null) db.Notes.Add(note);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            await NoteNotices.MentionsInNoteAsync(db, note, now, cancellationToken);
            if (existing is null && reviewLineId is { } lineId) await NoteShopping.LinkReviewAsync(db, lineId, authorId, note.Id, cancellationToken);
        }, cancellationToken);
        return note;
    }

    private static void ApplyPhotos(Note note, IReadOnlyList<long> keepPhotoIds, IReadOnlyList<NewPhoto> newPhotos)
    {
        foreach (var removed in note.Photos.Where(p => !keepPhotoIds.Contains(p.Id)).ToList()) note.RemovePhoto(removed);
        var position = note.Photos.Count;
        foreach (var photo in newPhotos) note.AddPhoto(new NotePhoto(photo.Key, photo.FileName, position++));
        note.ReorderPhotos(keepPhotoIds);
    }

    private static IEnumerable<string> AltTextProblems(NotePost post) =>
        (post.AltTexts ?? new Dictionary<long, string?>()).Values
            .Select(alt => NotePhoto.AltTextRule.Check(alt).ErrorKey("Note.Error.AltTextTooLong")).OfType<string>().Distinct();

    private static void DescribePhotos(Note note, IReadOnlyDictionary<long, string?>? altTexts)
    {
        if (altTexts is null) return;
        foreach (var photo in note.Photos)
            if (altTexts.TryGetValue(photo.Id, out var alt)) photo.Describe(NotePhoto.AltTextRule.Check(alt).OrNull);
    }

    private static void GoLive(Note note, NotePost post, NoteLimits limits, DateTime now)
    {
        switch (post.Action)
        {
            case PostAction.Publish: note.Publish(now, limits); break;
            case PostAction.Schedule: note.Schedule(post.ScheduleAt!.Value, now, limits); break;
            default:
                if (note.Status != NoteStatus.Published) note.MoveToDrafts(now);
                break;
        }
    }

    /// <summary>Every text of a post that screening reads: title, body (with its #topics), place and photo descriptions.</summary>
    public static IEnumerable<string?> ScreenedTexts(NotePost post) =>
        new[] { post.Content.Title, post.Content.Body, post.Content.Place }.Concat(post.AltTexts?.Values ?? Enumerable.Empty<string?>());
}
