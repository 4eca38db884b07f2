using GraphQL.Types;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>SellerPayoutAccount</c>: where a seller's payouts go.</summary>
internal sealed class SellerPayoutAccountType : ObjectGraphType<SellerPayoutAccount>
{
    public SellerPayoutAccountType()
    {
        Name = "SellerPayoutAccount";
        Description = "Where a seller's payouts go: a Stripe connected account, or none (manual payouts).";
        Field<NonNullGraphType<IdGraphType>>("sellerId").Description("The seller (their user id).").Resolve(c => c.Source.SellerId);
        Field<StringGraphType>("stripeAccountId").Description("The Stripe connected account (acct_…); null: payouts are manual.")
            .Resolve(c => c.Source.StripeAccountId.Length == 0 ? null : c.Source.StripeAccountId);
    }
}
