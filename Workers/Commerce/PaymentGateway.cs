using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RedMvc.Domain.Commerce;

namespace RedMvc.Workers.Commerce;

/// <summary>
/// A payment provider, as small as the shop needs: where to send the buyer to pay. The provider
/// reports the outcome later through a signed callback (PaymentCallbacks); money goes back
/// through IPaymentRefunds, which OrderLifecycle calls.
/// </summary>
public interface IPaymentGateway
{
    /// <returns>The address the buyer is sent to to pay (absolute, or a path on this site).</returns>
    Task<string> StartAsync(Payment payment, CancellationToken cancellationToken = default);
}

/// <summary>
/// The built-in gateway: its "bank" is a page on this site (/pay/sandbox/{reference}) where the
/// buyer approves or declines, after which it reports to the callback like a real provider would,
/// with a body signed by the shared secret. Its refunds are SandboxRefunds.
/// </summary>
public class SandboxPaymentGateway : IPaymentGateway
{
    public Task<string> StartAsync(Payment payment, CancellationToken cancellationToken = default) =>
        Task.FromResult($"/pay/sandbox/{Uri.EscapeDataString(payment.Reference)}");
}

/// <summary>
/// Signs and checks callback bodies with HMAC-SHA256 over the exact bytes sent. The header carries
/// "sha256=" and the lowercase hex digest; the check compares in constant time.
/// </summary>
public class PaymentSigner(byte[] secret)
{
    public const string Header = "X-Payment-Signature";
    private const string Prefix = "sha256=";

    public string Sign(string body) => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body)));

    public bool Verify(string body, string? signature)
    {
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>
    /// Payments:Sandbox:Secret when configured (production sets it, shared by every node); otherwise a
    /// random secret made on the first run and kept in the data folder, like the SQLite database.
    /// </summary>
    public static byte[] LoadSecret(IConfiguration config, string dataFolder)
    {
        var configured = config["Payments:Sandbox:Secret"];
        if (!string.IsNullOrWhiteSpace(configured)) return Encoding.UTF8.GetBytes(configured);
        var path = Path.Combine(dataFolder, "payments-sandbox.secret");
        Directory.CreateDirectory(dataFolder);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var secret = RandomNumberGenerator.GetBytes(32);
            file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
            return secret;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made on an earlier run (or by the other host starting at the same moment).
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}

public static class PaymentServices
{
    public static IServiceCollection AddRedPayments(this IServiceCollection services, IConfiguration config, string dataFolder)
    {
        services.AddSingleton(new PaymentSigner(PaymentSigner.LoadSecret(config, dataFolder)));
        services.AddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        services.AddScoped<PaymentCallbacks>();
        return services;
    }
}
