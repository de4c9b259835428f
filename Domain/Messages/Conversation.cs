namespace RedMvc.Domain.Messages;

/// <summary>
/// Two members' private messages. The pair is stored in one order (MemberAId before MemberBId,
/// ordinal), so a unique index makes one conversation per pair whoever writes first.
/// </summary>
public class Conversation
{
    private Conversation() { }

    public long Id { get; private set; }
    public string MemberAId { get; private set; } = "";
    public string MemberBId { get; private set; } = "";

    /// <summary>Who sent the first message: the daily limit on new conversations counts these.</summary>
    public string StartedById { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public static Conversation Start(string senderId, string recipientId, DateTime now)
    {
        if (senderId == recipientId) throw new InvalidOperationException("Nobody messages themselves.");
        var (a, b) = Pair(senderId, recipientId);
        return new Conversation { MemberAId = a, MemberBId = b, StartedById = senderId, CreatedAt = now };
    }

    public static (string A, string B) Pair(string one, string other) =>
        string.CompareOrdinal(one, other) < 0 ? (one, other) : (other, one);

    public string OtherThan(string memberId) => memberId == MemberAId ? MemberBId : MemberAId;
}
