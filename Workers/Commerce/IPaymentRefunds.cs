using Microsoft.Extensions.Logging;

namespace RedMvc.Workers.Commerce;

/// <summary>Gives a buyer's money back through the gateway that took it. Must be safe to call twice for one order.</summary>
public interface IPaymentRefunds
{
    Task RefundAsync(string paymentReference, string orderNumber, long amountFen, CancellationToken cancellationToken);
}

/// <summary>The built-in sandbox: a refund always succeeds at once. A real gateway refunds with the order number as its idempotency key.</summary>
public class SandboxRefunds(ILogger<SandboxRefunds> logger) : IPaymentRefunds
{
    public Task RefundAsync(string paymentReference, string orderNumber, long amountFen, CancellationToken cancellationToken)
    {
        logger.LogInformation("Sandbox refund of {AmountFen} fen for order {Order} (payment {Reference})", amountFen, orderNumber, paymentReference);
        return Task.CompletedTask;
    }
}
