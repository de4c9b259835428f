using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;
using RedMvc.Domain.Notes;
using RedMvc.Domain.Social;

namespace RedMvc.Domain.Notifications;

/// <summary>
/// Who hears about a new comment or a published note. Only people who may see the note are told
/// (an only-me note tells nobody, a mutual-followers note only mutual followers); Notifier leaves out
/// the actor and blocks, and its unique key makes every call safe to repeat.
/// </summary>
public static class NoteNotices
{
    /// <summary>Run whenever a note is published or a published note is saved: each @mentioned member hears once.</summary>
    public static async Task MentionsInNoteAsync(AppDbContext db, Note note, DateTime now, CancellationToken cancellationToken = default)
    {
        if (note.Status != NoteStatus.Published) return;
        var mentioned = await db.NoteMentions.Where(m => m.NoteId == note.Id).Select(m => m.UserId).ToListAsync(cancellationToken);
        foreach (var userId in await WhoMaySeeAsync(db, note, mentioned, cancellationToken))
            await Notifier.NotifyAsync(db, Notification.About(NotificationKind.Mention, userId, note.AuthorId, note.Id, null, now), cancellationToken);
    }

    /// <summary>
    /// The person answered hears of a reply, the note's author of every comment, and @handles in the
    /// text that they were mentioned. Each person hears once per comment, the most specific of these.
    /// </summary>
    public static async Task CommentAddedAsync(AppDbContext db, Comment comment, CancellationToken cancellationToken = default)
    {
        var note = await db.Notes.AsNoTracking().SingleAsync(n => n.Id == comment.NoteId, cancellationToken);
        var handles = NoteText.Mentions(comment.Body);
        var mentioned = handles.Count == 0 ? [] : await db.Users.Where(u => handles.Contains(u.Handle)).Select(u => u.Id).ToListAsync(cancellationToken);

        var notices = new List<(NotificationKind Kind, string RecipientId)>();
        if (comment.ReplyToUserId is { } answered) notices.Add((NotificationKind.Reply, answered));
        notices.Add((NotificationKind.Comment, note.AuthorId));
        notices.AddRange(mentioned.Select(id => (NotificationKind.Mention, id)));
        notices = notices.DistinctBy(n => n.RecipientId).ToList();

        var mayHear = await WhoMaySeeAsync(db, note, notices.Select(n => n.RecipientId).ToList(), cancellationToken);
        foreach (var (kind, recipientId) in notices.Where(n => mayHear.Contains(n.RecipientId)))
            await Notifier.NotifyAsync(db, Notification.About(kind, recipientId, comment.AuthorId, note.Id, comment.Id, comment.CreatedAt), cancellationToken);
    }

    private static async Task<HashSet<string>> WhoMaySeeAsync(AppDbContext db, Note note, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        var relations = await NoteAccess.RelationsAsync(db, note.AuthorId, userIds, cancellationToken);
        return userIds.Where(id => NoteAccess.MaySee(note, id, relations.GetValueOrDefault(id))).ToHashSet();
    }
}
