using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderPaymentStatus</c>.</summary>
internal sealed class OrderPaymentStatusType : EnumerationGraphType
{
    public OrderPaymentStatusType()
    {
        Name = "OrderPaymentStatus";
        Description = "Where an order's payment is.";
        Add("PENDING", "PENDING", "Paid in person on delivery or at pickup: nothing taken yet.");
        Add("AUTHORIZED", "AUTHORIZED", "A card payment held; taken when the seller accepts.");
        Add("PAID", "PAID", "Taken.");
        Add("VOIDED", "VOIDED", "A held payment let go.");
        Add("REFUNDED", "REFUNDED", "Given back in full.");
        Add("PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED", "Given back in part.");
    }
}
