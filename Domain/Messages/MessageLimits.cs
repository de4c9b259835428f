using RedMvc.Domain.Text;

namespace RedMvc.Domain.Messages;

/// <summary>Bound from "Messages".</summary>
public class MessageLimits
{
    public int BodyMaxLength { get; set; } = 1000;
    public int MaxPhotos { get; set; } = 9;

    /// <summary>Messages someone the recipient does not follow may send before the recipient replies or follows back.</summary>
    public int StrangerMessages { get; set; } = 1;

    /// <summary>Conversations a member may start in 24 hours.</summary>
    public int NewConversationsPerDay { get; set; } = 20;

    /// <summary>Messages per page of a conversation, and conversations per page of the list.</summary>
    public int PageSize { get; set; } = 30;

    public TextRule BodyRule => TextRule.Lines(BodyMaxLength);
}
