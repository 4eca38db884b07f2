using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class PayoutMarkFailedInputType : InputObjectGraphType
{
    public PayoutMarkFailedInputType()
    {
        Name = "PayoutMarkFailedInput";
        Description = "A manual payout that could not be paid.";
        Field<NonNullGraphType<IdGraphType>>("payoutId").Description("The PENDING MANUAL Payout.");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, 1 to 500 characters (the seller sees it on the PAYOUT_FAILED entry).");
    }
}
