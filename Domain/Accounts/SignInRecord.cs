namespace RedMvc.Domain.Accounts;

/// <summary>
/// One attempt to sign in to a known account, kept 90 days for staff (a member's page shows the latest):
/// when, from where, and whether the password was right.
/// </summary>
public class SignInRecord
{
    public const int KeptDays = 90;
    public const int AddressMaxLength = 64;

    private SignInRecord() { }

    public SignInRecord(string userId, string? address, bool succeeded, DateTime now)
    {
        UserId = userId;
        Address = address is { Length: > AddressMaxLength } ? address[..AddressMaxLength] : address;
        Succeeded = succeeded;
        At = now;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string? Address { get; private set; }
    public bool Succeeded { get; private set; }
    public DateTime At { get; private set; }
}
