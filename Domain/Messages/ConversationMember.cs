namespace RedMvc.Domain.Messages;

/// <summary>
/// One member's side of a conversation: how far they read, how far they deleted it for themselves,
/// and whether they accepted it (a stranger's first message is a request until they reply). The
/// newest message id is copied here so a member's list is one keyset scan of their own rows.
/// </summary>
public class ConversationMember
{
    private ConversationMember() { }

    public ConversationMember(long conversationId, string memberId, string otherMemberId, bool accepted)
    {
        ConversationId = conversationId;
        MemberId = memberId;
        OtherMemberId = otherMemberId;
        Accepted = accepted;
    }

    public long ConversationId { get; private set; }
    public string MemberId { get; private set; } = "";
    public string OtherMemberId { get; private set; } = "";

    /// <summary>False while the conversation is a request from someone the member does not follow.</summary>
    public bool Accepted { get; private set; }

    /// <summary>The newest message in the conversation (0 before the first one).</summary>
    public long LastMessageId { get; private set; }

    /// <summary>Messages after this id are unread for the member.</summary>
    public long LastReadMessageId { get; private set; }

    /// <summary>The member deleted the conversation for themselves up to this message; newer ones bring it back.</summary>
    public long DeletedUpToId { get; private set; }

    public bool HasUnread => LastMessageId > LastReadMessageId;

    /// <summary>Shown in the member's list: some message is newer than what they deleted.</summary>
    public bool IsListed => LastMessageId > DeletedUpToId;
}
