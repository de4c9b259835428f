namespace RedMvc.Web.Features.Payments;

public record SandboxOrder(long Id, string Number, string ShopName, long TotalFen, OrderStatus Status);

/// <summary>The sandbox's payment page: what is being paid and, while it can still be paid, the two buttons.</summary>
public record SandboxPage(string Reference, long AmountFen, PaymentStatus Status, IReadOnlyList<SandboxOrder> Orders, DateTime PayBy, bool CanPay);
