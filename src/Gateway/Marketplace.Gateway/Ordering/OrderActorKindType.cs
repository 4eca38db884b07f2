using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderActorKind</c>: who moved an order.</summary>
internal sealed class OrderActorKindType : EnumerationGraphType
{
    public OrderActorKindType()
    {
        Name = "OrderActorKind";
        Description = "Who moved an order.";
        Add("BUYER", "BUYER", "The buyer.");
        Add("SELLER", "SELLER", "The seller who runs the store.");
        Add("ADMIN", "ADMIN", "Marketplace support.");
        Add("SYSTEM", "SYSTEM", "The marketplace itself (an order nobody accepted in time, an order completed after its return window).");
    }
}
