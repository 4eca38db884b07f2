using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventoryActorKindType : EnumerationGraphType
{
    public InventoryActorKindType()
    {
        Name = "InventoryActorKind";
        Description = "Who changed the stock.";
        Add("USER", "USER", "You (the seller).");
        Add("SERVICE", "SERVICE", "The marketplace on a buyer's behalf (checkout, orders).");
        Add("SYSTEM", "SYSTEM", "The marketplace itself (expired holds).");
    }
}
