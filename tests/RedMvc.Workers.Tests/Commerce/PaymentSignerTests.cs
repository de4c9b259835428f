using System.Text;
using Microsoft.Extensions.Configuration;
using RedMvc.Workers.Commerce;

namespace RedMvc.Workers.Tests.Commerce;

public class PaymentSignerTests
{
    private static IConfiguration Config(string? secret = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Payments:Sandbox:Secret"] = secret }).Build();

    [Fact]
    public void Without_a_configured_secret_one_is_made_on_the_first_run_and_kept_for_the_next()
    {
        var folder = Path.Combine(Path.GetTempPath(), "redmvc-signer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = PaymentSigner.LoadSecret(Config(), folder);
            var second = PaymentSigner.LoadSecret(Config(), folder);

            Assert.Equal(32, first.Length);
            Assert.Equal(first, second);
            Assert.NotEqual(first, PaymentSigner.LoadSecret(Config(), folder + "-other"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            if (Directory.Exists(folder + "-other")) Directory.Delete(folder + "-other", recursive: true);
        }
    }

    [Fact]
    public void A_configured_secret_wins_and_signatures_check_only_the_exact_body()
    {
        var signer = new PaymentSigner(PaymentSigner.LoadSecret(Config("shared-by-every-node"), Path.GetTempPath()));
        var body = """{"reference":"pay_1","status":"approved","amountFen":12900,"timestamp":1}""";

        Assert.Equal(new PaymentSigner(Encoding.UTF8.GetBytes("shared-by-every-node")).Sign(body), signer.Sign(body));
        Assert.True(signer.Verify(body, signer.Sign(body)));
        Assert.False(signer.Verify(body.Replace("12900", "1"), signer.Sign(body)));
        Assert.False(signer.Verify(body, signer.Sign(body).ToUpperInvariant()));
        Assert.False(signer.Verify(body, "sha256=not-hex"));
        Assert.False(signer.Verify(body, null));
    }
}
