namespace RedMvc.Domain.Notes;

/// <summary>A #topic, created on first use. Name keeps the first writer's case; lookups use NormalizedName.</summary>
public class Topic
{
    private Topic() { }

    public Topic(string name)
    {
        Name = name;
        NormalizedName = Normalize(name);
        CreatedAt = DateTime.UtcNow;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string NormalizedName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public static string Normalize(string name) => name.Trim().TrimStart('#').ToLowerInvariant();
}

public class NoteTopic
{
    public long NoteId { get; set; }
    public long TopicId { get; set; }
    public Topic Topic { get; set; } = null!;
}

public class NoteMention
{
    public long NoteId { get; set; }
    public string UserId { get; set; } = "";
}
