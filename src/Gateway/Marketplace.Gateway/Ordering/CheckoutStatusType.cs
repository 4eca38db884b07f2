using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CheckoutStatus</c>.</summary>
internal sealed class CheckoutStatusType : EnumerationGraphType
{
    public CheckoutStatusType()
    {
        Name = "CheckoutStatus";
        Description = "Where a checkout is.";
        Add("OPEN", "OPEN", "Priced and holding the stock until expiresAt: complete it.");
        Add("COMPLETING", "COMPLETING", "Being completed right now (payment and orders).");
        Add("COMPLETED", "COMPLETED", "Completed: its orders are placed (orderGroupId).");
        Add("FAILED", "FAILED", "Failed and undone: nothing charged, stock released (failureReason).");
        Add("EXPIRED", "EXPIRED", "Not completed in time: the stock hold ended.");
        Add("REPLACED", "REPLACED", "A newer checkout of the same cart replaced it.");
    }
}
