using Microsoft.EntityFrameworkCore;
using RedMvc.Domain.Data;

namespace RedMvc.Domain.Notes;

/// <summary>Links a note to the #topics and @people its text names; a topic is created on first use.</summary>
public static class NoteTagging
{
    public static async Task ApplyAsync(AppDbContext db, Note note, CancellationToken cancellationToken = default)
    {
        var names = NoteText.Topics(note.Body);
        var normalized = names.Select(Topic.Normalize).ToList();
        await db.Topics.Where(t => normalized.Contains(t.NormalizedName)).LoadAsync(cancellationToken);
        // Local, not the query: a topic added by an earlier note in the same unit of work (a seed batch) is not saved yet.
        var existing = db.Topics.Local.Where(t => normalized.Contains(t.NormalizedName)).ToList();
        var topics = names.Select(name => existing.SingleOrDefault(t => t.NormalizedName == Topic.Normalize(name)) ?? AddTopic(db, existing, name)).ToList();
        note.SetTopics(topics);

        var handles = NoteText.Mentions(note.Body);
        var mentioned = await db.Users.Where(u => handles.Contains(u.Handle)).Select(u => u.Id).ToListAsync(cancellationToken);
        note.SetMentions(mentioned);
    }

    private static Topic AddTopic(AppDbContext db, List<Topic> existing, string name)
    {
        var topic = new Topic(name);
        db.Topics.Add(topic);
        existing.Add(topic);
        return topic;
    }
}
