namespace RedMvc.Domain.Messages;

/// <summary>What a message shares as a card. The numbers are stored; add new kinds at the end.</summary>
public enum MessageCardKind
{
    Note = 1,
    Product = 2,
    Group = 3,
}
