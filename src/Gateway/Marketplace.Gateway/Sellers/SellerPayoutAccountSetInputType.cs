using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class SellerPayoutAccountSetInputType : InputObjectGraphType
{
    public SellerPayoutAccountSetInputType()
    {
        Name = "SellerPayoutAccountSetInput";
        Description = "Where a seller's payouts go.";
        Field<NonNullGraphType<IdGraphType>>("sellerId").Description("The seller (their user id, as viewer.userId); they must run a store here.");
        Field<StringGraphType>("stripeAccountId").Description("Their Stripe connected account (acct_…, at most 255 characters); null or empty: none, payouts are manual.");
    }
}
