using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStatus</c>.</summary>
internal sealed class OrderStatusType : EnumerationGraphType
{
    public OrderStatusType()
    {
        Name = "OrderStatus";
        Description = "Where an order is in its lifecycle: PLACED → ACCEPTED → READY_FOR_PICKUP | OUT_FOR_DELIVERY → PICKED_UP | DELIVERED → COMPLETED, or it ends REJECTED, CANCELLED or EXPIRED.";
        Add("PLACED", "PLACED", "Placed by the buyer; waiting for the seller to accept it.");
        Add("ACCEPTED", "ACCEPTED", "Accepted by the seller (a card payment is taken now).");
        Add("READY_FOR_PICKUP", "READY_FOR_PICKUP", "A pickup order waiting at the store.");
        Add("OUT_FOR_DELIVERY", "OUT_FOR_DELIVERY", "A delivery order on its way.");
        Add("PICKED_UP", "PICKED_UP", "Collected by the buyer at the store.");
        Add("DELIVERED", "DELIVERED", "Handed over at the buyer's address.");
        Add("COMPLETED", "COMPLETED", "Done: the return window after delivery or pickup has passed.");
        Add("REJECTED", "REJECTED", "Rejected by the seller; the stock went back and the payment was let go.");
        Add("CANCELLED", "CANCELLED", "Cancelled by the buyer before acceptance, or by an administrator (refunded if it was paid).");
        Add("EXPIRED", "EXPIRED", "Not accepted in time; the stock went back and the payment was let go.");
    }
}
