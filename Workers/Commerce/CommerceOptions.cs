namespace RedMvc.Workers.Commerce;

/// <summary>Timings of fulfilment (section "Shop:Fulfilment"). The sandbox carrier delivers after DeliveryDelay.</summary>
public class FulfilmentOptions
{
    public TimeSpan DeliveryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long after delivery the buyer is invited to write a review note.</summary>
    public TimeSpan ReviewInvitationDelay { get; set; } = TimeSpan.FromDays(3);
}
