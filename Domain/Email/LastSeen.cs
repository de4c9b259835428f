namespace RedMvc.Domain.Email;

/// <summary>
/// When a member last loaded a page, kept to the minute: a member reading the site now sees their
/// notifications there, so "at once" mail waits until they have been away a while (docs/decisions/0034).
/// </summary>
public class LastSeen
{
    private LastSeen() { }

    public LastSeen(string userId, DateTime at)
    {
        UserId = userId;
        At = at;
    }

    public string UserId { get; private set; } = "";
    public DateTime At { get; private set; }
}
