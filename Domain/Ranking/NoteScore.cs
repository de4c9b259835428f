namespace RedMvc.Domain.Ranking;

/// <summary>
/// A row of the trending table: public published notes with their engagement-with-decay score,
/// rewritten by the trends job every few minutes. Channel and author are copied here so the
/// visitor feed reads one narrow index.
/// </summary>
public class NoteScore
{
    public long NoteId { get; set; }
    public string Channel { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public double Score { get; set; }
    public DateTime PublishedAt { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>A hot topic: the summed trending score of its recent notes, rewritten by the trends job.</summary>
public class TopicScore
{
    public long TopicId { get; set; }
    public double Score { get; set; }
    public int NoteCount { get; set; }
    public DateTime ComputedAt { get; set; }
}
