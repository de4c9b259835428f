namespace RedMvc.Domain.Commerce;

/// <summary>A declined attempt leaves the payment Pending: the buyer may try again until the orders' window ends.</summary>
public enum PaymentStatus { Pending = 0, Approved = 1 }

/// <summary>
/// One payment for the orders of one checkout, through a gateway (the built-in sandbox by default).
/// The gateway's signed callback moves it; a replayed callback finds it already there.
/// </summary>
public class Payment
{
    private Payment() { }

    public Payment(string buyerId, string checkoutKey, long amountFen, DateTime now)
    {
        if (amountFen <= 0) throw new ShopRuleException("Payment.Error.Amount");
        (BuyerId, CheckoutKey, AmountFen, CreatedAt) = (buyerId, checkoutKey, amountFen, now);
        Reference = $"pay_{Guid.NewGuid():N}";
    }

    public long Id { get; private set; }

    /// <summary>The id the gateway knows this payment by; goes into the orders as PaymentReference.</summary>
    public string Reference { get; private set; } = "";
    public string BuyerId { get; private set; } = "";
    public string CheckoutKey { get; private set; } = "";
    public long AmountFen { get; private set; }
    public PaymentStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    /// <returns>True when this call approved it; false when it already was.</returns>
    public bool Approve(DateTime now)
    {
        if (Status == PaymentStatus.Approved) return false;
        Status = PaymentStatus.Approved;
        CompletedAt = now;
        return true;
    }
}
