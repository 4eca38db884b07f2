using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventoryMovementKindType : EnumerationGraphType
{
    public InventoryMovementKindType()
    {
        Name = "InventoryMovementKind";
        Description = "What a movement did.";
        Add("RECEIVED", "RECEIVED", "Stock received (onHand up).");
        Add("ADJUSTED", "ADJUSTED", "onHand corrected or counted, with a reason.");
        Add("RESERVED", "RESERVED", "Held by a checkout (reserved up).");
        Add("RELEASED", "RELEASED", "A hold ended: checkout abandoned or changed (reserved down).");
        Add("EXPIRED", "EXPIRED", "A hold ran out (reserved down).");
        Add("ALLOCATED", "ALLOCATED", "A hold became an order's (reserved down, allocated up).");
        Add("FULFILLED", "FULFILLED", "Handed over (allocated and onHand down).");
        Add("RESTOCKED", "RESTOCKED", "An order's units came back: cancelled (allocated down) or returned (onHand up).");
    }
}
