using RedMvc.Domain.Notes;

namespace RedMvc.Domain.Groups;

/// <summary>
/// An interest circle. Public groups are read by anyone and joined at once; private ones are read by
/// their members only and joined by request. The counts are stored for speed, changed with the rows
/// they count in one transaction, and recomputed by a job.
/// </summary>
public class Group
{
    private Group() { }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The name as compared for uniqueness: trimmed and upper-cased.</summary>
    public string NormalizedName { get; private set; } = "";
    public string? Description { get; private set; }
    public string? Rules { get; private set; }
    public string Channel { get; private set; } = "";
    public bool IsPrivate { get; private set; }
    public string OwnerId { get; private set; } = "";

    /// <summary>Content hashes of the processed square avatar and wide cover (ProcessGroupImageJob).</summary>
    public string? AvatarKey { get; private set; }
    public string? CoverKey { get; private set; }

    /// <summary>The cover's widths, comma-separated ("360,720,1440"; a narrow upload keeps its own width).</summary>
    public string? CoverWidths { get; private set; }

    /// <summary>One post (thread or reply) per this many minutes per member; 0 is off.</summary>
    public int SlowModeMinutes { get; private set; }

    public int MemberCount { get; private set; }
    public int ThreadCount { get; private set; }

    /// <summary>Threads and replies of the last seven days, recomputed by the activity job; the directory's "most active".</summary>
    public int WeeklyPosts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public DateTime? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public static string Normalize(string name) => name.Trim().ToUpperInvariant();

    /// <summary>A new group; the caller checks the text with GroupLimits first (GroupMemberships.CreateAsync).</summary>
    public static Group Create(string ownerId, string name, string? description, string? rules, string channel, bool isPrivate, DateTime now)
    {
        if (!Channels.IsKnown(channel) || channel == Channels.Recommended) throw new GroupRuleException("Group.Error.Channel");
        return new Group
        {
            OwnerId = ownerId,
            Name = name,
            NormalizedName = Normalize(name),
            Description = description,
            Rules = rules,
            Channel = channel,
            IsPrivate = isPrivate,
            CreatedAt = now,
            LastActivityAt = now,
        };
    }

    public void Edit(string name, string? description, string? rules, string channel, bool isPrivate)
    {
        if (!Channels.IsKnown(channel) || channel == Channels.Recommended) throw new GroupRuleException("Group.Error.Channel");
        Name = name;
        NormalizedName = Normalize(name);
        Description = description;
        Rules = rules;
        Channel = channel;
        IsPrivate = isPrivate;
    }

    public void SetSlowMode(int minutes)
    {
        if (minutes is < 0 or > 24 * 60) throw new GroupRuleException("Group.Error.SlowModeRange");
        SlowModeMinutes = minutes;
    }

    public void SetAvatar(string? key) => AvatarKey = key;

    public void SetCover(string? key, IEnumerable<int>? widths) => (CoverKey, CoverWidths) = (key, widths is null ? null : string.Join(',', widths));

    public IReadOnlyList<int> CoverWidthList => string.IsNullOrEmpty(CoverWidths) ? [] : CoverWidths.Split(',').Select(int.Parse).ToList();

    /// <summary>Deleted: gone for everyone; the name is freed (the unique index keeps the id in its place).</summary>
    public void Delete(DateTime now)
    {
        if (DeletedAt is not null) return;
        DeletedAt = now;
        NormalizedName = $"#{Id}";
    }
}
