using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RedMvc.Domain.Commerce;
using RedMvc.Domain.Data;

namespace RedMvc.Workers.Commerce;

/// <summary>What a gateway reports: the payment, its outcome, the amount it took, and when (Unix seconds).</summary>
public record PaymentCallback(string Reference, string Status, long AmountFen, long Timestamp)
{
    public const string Approved = "approved";
    public const string Declined = "declined";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public enum CallbackOutcome { Applied, BadSignature, Malformed, UnknownPayment, WrongAmount }

/// <summary>
/// Applies a gateway's signed report. Safe to replay: the payment and each order move once (their
/// methods say whether they changed), and a replay finishes work a crash may have cut short.
/// A bad signature or amount changes nothing.
/// </summary>
public class PaymentCallbacks(AppDbContext db, PaymentSigner signer, OrderLifecycle lifecycle, ILogger<PaymentCallbacks> logger)
{
    public async Task<CallbackOutcome> HandleAsync(string body, string? signature, CancellationToken cancellationToken = default)
    {
        if (!signer.Verify(body, signature))
        {
            logger.LogWarning("Payment callback refused: bad signature");
            return CallbackOutcome.BadSignature;
        }
        PaymentCallback? callback;
        try
        {
            callback = JsonSerializer.Deserialize<PaymentCallback>(body, PaymentCallback.Json);
        }
        catch (JsonException)
        {
            callback = null;
        }
        if (callback is null || string.IsNullOrEmpty(callback.Reference) || callback.Status is not (PaymentCallback.Approved or PaymentCallback.Declined))
            return CallbackOutcome.Malformed;

        var payment = await db.Payments.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == callback.Reference, cancellationToken);
        if (payment is null) return CallbackOutcome.UnknownPayment;
        if (payment.AmountFen != callback.AmountFen)
        {
            logger.LogWarning("Payment callback refused: {Reference} reported {Reported} fen, expected {Expected}", payment.Reference, callback.AmountFen, payment.AmountFen);
            return CallbackOutcome.WrongAmount;
        }

        if (callback.Status == PaymentCallback.Declined)
        {
            // A declined attempt closes nothing: the payment stays open and the buyer may try again
            // until the payment window ends (the timer then cancels the orders).
            logger.LogInformation("Payment {Reference} declined by the gateway", payment.Reference);
            return CallbackOutcome.Applied;
        }

        // Approves the payment and marks each of its orders paid once (an order the timer cancelled
        // meanwhile is refunded instead); a replay finishes what a crash may have left undone.
        await lifecycle.PaymentApprovedAsync(payment.Reference, cancellationToken);
        return CallbackOutcome.Applied;
    }
}
