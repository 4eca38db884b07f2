using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStatus</c>.</summary>
internal sealed class OrderStatusType : EnumerationGraphType
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "Where an order is in its lifecycle.";
        Add("PLACED", "PLACED", "Placed by the buyer; waiting for the seller.");
        Add("ACCEPTED", "ACCEPTED", "Accepted by the seller.");
        Add("REJECTED", "REJECTED", "Rejected by the seller.");
        Add("READY", "READY", "Ready for pickup or delivery.");
        Add("SHIPPED", "SHIPPED", "On its way.");
        Add("DELIVERED", "DELIVERED", "Handed over.");
        Add("COMPLETED", "COMPLETED", "Done.");
        Add("CANCELLED", "CANCELLED", "Cancelled.");
    }
}
