using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class PayoutStatusType : EnumerationGraphType
{
    public PayoutStatusType()
    {
        Name = "PayoutStatus";
        Description = "Where a payout is: PENDING → PAID or FAILED.";
        Add("PENDING", "PENDING", "Created with its PAYOUT entry; not yet confirmed paid.");
        Add("PAID", "PAID", "The money was sent.");
        Add("FAILED", "FAILED", "It could not be sent: a PAYOUT_FAILED entry gave the amount back to the balance.");
    }
}
