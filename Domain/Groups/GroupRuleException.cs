namespace RedMvc.Domain.Groups;

/// <summary>A group rule said no; Key is the resource key of the message the member sees.</summary>
public class GroupRuleException(string key) : InvalidOperationException(key)
{
    public string Key { get; } = key;
}
