namespace RedMvc.Domain.Messages;

/// <summary>A note, product or group shared into a chat, by its id.</summary>
public readonly record struct MessageCard(MessageCardKind Kind, long Id);
