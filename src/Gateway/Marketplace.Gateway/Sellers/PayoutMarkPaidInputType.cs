using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class PayoutMarkPaidInputType : InputObjectGraphType
{
    public PayoutMarkPaidInputType()
    {
        Name = "PayoutMarkPaidInput";
        Description = "A manual payout that was paid.";
        Field<NonNullGraphType<IdGraphType>>("payoutId").Description("The PENDING MANUAL Payout.");
        Field<NonNullGraphType<StringGraphType>>("reference").Description("The payment's reference (e.g. the bank transfer's), 1 to 200 characters.");
    }
}
