using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>PaymentMethod</c>.</summary>
internal sealed class PaymentMethodType : EnumerationGraphType
{
    public PaymentMethodType()
    {
        Name = "PaymentMethod";
        Description = "How the buyer pays.";
        Add("PAY_ON_DELIVERY", "PAY_ON_DELIVERY", "Cash or card to the courier on delivery (delivery only; the default for delivery).");
        Add("PAY_AT_PICKUP", "PAY_AT_PICKUP", "At the store when collecting (pickup only; the default for pickup).");
        Add("CARD", "CARD", "By card online (Stripe): held when the checkout completes, taken when the seller accepts. Only when cards are configured.");
    }
}
