namespace RedMvc.Domain.Messages;

/// <summary>A message that breaks a rule reached SendAsync without being checked first; Key is the resource key.</summary>
public class MessageRuleException(string key) : Exception(key)
{
    public string Key { get; } = key;
}
