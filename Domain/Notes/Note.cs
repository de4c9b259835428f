using RedMvc.Domain.Moderation;
using RedMvc.Domain.Text;

namespace RedMvc.Domain.Notes;

/// <summary>What the author writes; checked against NoteLimits before it reaches a note.</summary>
public record NoteContent(string Title, string Body, string Channel, string? Place, NoteVisibility Visibility, bool AiAssisted)
{
    /// <summary>Problems as (field, resource key) pairs; empty when the content is fine.</summary>
    public IReadOnlyList<(string Field, string Error)> Problems(NoteLimits limits) => Check(limits).Problems;

    /// <summary>The content as it is stored (normalised, see UserText) and its problems.</summary>
    public (NoteContent Content, IReadOnlyList<(string Field, string Error)> Problems) Check(NoteLimits limits)
    {
        var problems = new List<(string, string)>();
        var title = limits.TitleRule.Check(Title);
        var body = limits.BodyRule.Check(Body);
        var place = limits.PlaceRule.Check(Place);
        if (title.ErrorKey("Note.Error.TitleRequired", "Note.Error.TitleTooLong") is { } titleError) problems.Add((nameof(Title), titleError));
        if (body.ErrorKey("Note.Error.BodyTooLong") is { } bodyError) problems.Add((nameof(Body), bodyError));
        else if (NoteText.Topics(body.Value).Count > limits.MaxTopics) problems.Add((nameof(Body), "Note.Error.TooManyTopics"));
        if (!Channels.IsKnown(Channel) || Channel == Channels.Recommended) problems.Add((nameof(Channel), "Note.Error.Channel"));
        if (place.ErrorKey("Note.Error.PlaceTooLong") is { } placeError) problems.Add((nameof(Place), placeError));
        if (!Enum.IsDefined(Visibility)) problems.Add((nameof(Visibility), "Note.Error.Visibility"));
        return (this with { Title = title.Value, Body = body.Value, Place = place.OrNull }, problems);
    }
}

/// <summary>A photo note. Every change of state is a method that refuses what the rules forbid.</summary>
public class Note
{
    private readonly List<NotePhoto> _photos = [];
    private readonly List<NoteTopic> _topics = [];
    private readonly List<NoteMention> _mentions = [];

    private Note() { }

    public long Id { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public string? Place { get; private set; }
    public NoteVisibility Visibility { get; private set; }
    public bool AiAssisted { get; private set; }
    public NoteStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public DateTime? ScheduledFor { get; private set; }

    /// <summary>Stored for speed; changed only by NoteLikes in the same transaction as the like rows.</summary>
    public int LikeCount { get; private set; }

    /// <summary>Comments not deleted; changed only by NoteComments with the comment rows.</summary>
    public int CommentCount { get; private set; }

    /// <summary>Members who collected the note; changed only by the collect service with the collect rows.</summary>
    public int CollectCount { get; private set; }

    /// <summary>Staff removed it: its author still sees it, with the rule and the reason; to anyone else it is gone.</summary>
    public DateTime? RemovedAt { get; private set; }
    public ReportCategory? RemovalRule { get; private set; }
    public string? RemovalReason { get; private set; }

    /// <summary>Staff limited its reach: out of discover, trending, topics and search; still on the profile and at its address.</summary>
    public DateTime? ReachLimitedAt { get; private set; }

    /// <summary>Its author was suspended then: hidden like a removed note until the account is restored.</summary>
    public DateTime? AuthorSuspendedAt { get; private set; }

    /// <summary>Screening held it for review: only its author sees it (marked) until staff approve it.</summary>
    public DateTime? HeldAt { get; private set; }

    public IReadOnlyList<NotePhoto> Photos => _photos;
    public IReadOnlyList<NoteTopic> Topics => _topics;
    public IReadOnlyList<NoteMention> Mentions => _mentions;

    public static Note Draft(string authorId, NoteContent content, DateTime now)
    {
        var note = new Note { AuthorId = authorId, Status = NoteStatus.Draft, CreatedAt = now };
        note.Edit(content, now);
        return note;
    }

    public void Edit(NoteContent content, DateTime now)
    {
        EnsureNotDeleted();
        Title = content.Title.Trim();
        Body = (content.Body ?? "").Trim();
        Channel = content.Channel;
        Place = string.IsNullOrWhiteSpace(content.Place) ? null : content.Place.Trim();
        Visibility = content.Visibility;
        AiAssisted = content.AiAssisted;
        UpdatedAt = now;
    }

    public void AddPhoto(NotePhoto photo)
    {
        EnsureNotDeleted();
        _photos.Add(photo);
    }

    public void RemovePhoto(NotePhoto photo)
    {
        EnsureNotDeleted();
        _photos.Remove(photo);
        Renumber(_photos.OrderBy(p => p.Position));
    }

    /// <summary>Puts the photos in the given order (the first is the cover); ids not listed keep their relative order after.</summary>
    public void ReorderPhotos(IReadOnlyList<long> photoIds)
    {
        var ordered = _photos.OrderBy(p => photoIds.Contains(p.Id) ? photoIds.ToList().IndexOf(p.Id) : int.MaxValue).ThenBy(p => p.Position);
        Renumber(ordered);
    }

    private static void Renumber(IEnumerable<NotePhoto> photos)
    {
        var position = 0;
        foreach (var photo in photos.ToList()) photo.MoveTo(position++);
    }

    public void SetTopics(IEnumerable<Topic> topics)
    {
        _topics.Clear();
        _topics.AddRange(topics.DistinctBy(t => t.NormalizedName).Select(t => new NoteTopic { Topic = t, TopicId = t.Id }));
    }

    public void SetMentions(IEnumerable<string> userIds)
    {
        _mentions.Clear();
        _mentions.AddRange(userIds.Distinct().Where(id => id != AuthorId).Select(id => new NoteMention { UserId = id }));
    }

    public void Publish(DateTime now, NoteLimits limits)
    {
        EnsureCanGoLive(limits);
        if (Status == NoteStatus.Published) return;
        Status = NoteStatus.Published;
        PublishedAt = now;
        ScheduledFor = null;
        UpdatedAt = now;
    }

    public void Schedule(DateTime at, DateTime now, NoteLimits limits)
    {
        EnsureCanGoLive(limits);
        if (Status == NoteStatus.Published) throw new NoteRuleException("Note.Error.AlreadyPublished");
        if (!limits.IsInScheduleWindow(at, now)) throw new NoteRuleException("Note.Error.ScheduleWindow");
        Status = NoteStatus.Scheduled;
        ScheduledFor = at;
        UpdatedAt = now;
    }

    /// <summary>Run by the publishing job; safe to run twice and early (does nothing before the time).</summary>
    public bool PublishIfDue(DateTime now)
    {
        if (Status != NoteStatus.Scheduled || ScheduledFor > now) return false;
        Status = NoteStatus.Published;
        PublishedAt = ScheduledFor;
        ScheduledFor = null;
        return true;
    }

    public void MoveToDrafts(DateTime now)
    {
        EnsureNotDeleted();
        if (Status == NoteStatus.Published) throw new NoteRuleException("Note.Error.AlreadyPublished");
        Status = NoteStatus.Draft;
        ScheduledFor = null;
        UpdatedAt = now;
    }

    public void Delete(DateTime now)
    {
        Status = NoteStatus.Deleted;
        UpdatedAt = now;
    }

    public void RemoveByStaff(ReportCategory rule, string reason, DateTime now)
    {
        RemovedAt = now;
        RemovalRule = rule;
        RemovalReason = reason;
    }

    public void RestoreByStaff() => (RemovedAt, RemovalRule, RemovalReason, ReachLimitedAt) = (null, null, null, null);

    public void LimitReach(DateTime now) => ReachLimitedAt ??= now;

    /// <summary>Each save is screened again: held text keeps (or starts) the hold, text that passes ends it.</summary>
    public void Screen(ScreeningVerdict verdict, DateTime now) => HeldAt = verdict.Holds ? HeldAt ?? now : null;

    public void ApproveHeld() => HeldAt = null;

    private void EnsureCanGoLive(NoteLimits limits)
    {
        EnsureNotDeleted();
        if (limits.PhotoCountProblem(_photos.Count, goingLive: true) is { } problem) throw new NoteRuleException(problem);
    }

    private void EnsureNotDeleted()
    {
        if (Status == NoteStatus.Deleted) throw new NoteRuleException("Note.Error.Deleted");
    }
}

/// <summary>A note rule was broken; Key is the resource key of the message.</summary>
public class NoteRuleException(string key) : InvalidOperationException(key)
{
    public string Key { get; } = key;
}
