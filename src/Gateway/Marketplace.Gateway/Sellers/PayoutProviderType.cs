using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class PayoutProviderType : EnumerationGraphType
{
    public PayoutProviderType()
    {
        Name = "PayoutProvider";
        Description = "How a payout's money is sent.";
        Add("MANUAL", "MANUAL", "By an administrator (e.g. a bank transfer), who marks it paid or failed.");
        Add("STRIPE", "STRIPE", "A Stripe Connect transfer to the seller's connected account.");
    }
}
