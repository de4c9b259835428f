namespace RedMvc.Domain.Accounts;

/// <summary>What erasing an account came to: erased (committed), or refused with the problems to show.</summary>
public abstract record ErasureResult
{
    /// <summary>Committed. What is left to do happens outside the database: the goodbye mail and the files.</summary>
    public sealed record Erased(ErasedAccount Account) : ErasureResult;

    /// <summary>Nothing changed; Problems are resource keys of what the member must settle first.</summary>
    public sealed record Refused(IReadOnlyList<string> Problems) : ErasureResult;
}
