using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace RedMvc.Web.Infrastructure;

/// <summary>
/// Email confirmation links live for days; password reset links (the default provider) for one
/// hour. Identity shares one lifetime unless the confirmation gets its own provider.
/// </summary>
public class ConfirmEmailTokenProvider(IDataProtectionProvider protection, IOptions<ConfirmEmailTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(protection, options, logger)
{
    public const string ProviderName = "ConfirmEmail";
}

public class ConfirmEmailTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public ConfirmEmailTokenProviderOptions()
    {
        Name = ConfirmEmailTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromDays(3);
    }
}
