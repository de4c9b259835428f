namespace RedMvc.Domain.Messages;

/// <summary>What a member asks to send: text, how many photos they attach, and a card to share.</summary>
public record MessageDraft(string? Body, int PhotoCount = 0, MessageCard? Card = null);
