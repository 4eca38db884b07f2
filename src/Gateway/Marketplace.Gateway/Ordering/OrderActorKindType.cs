using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderActorKind</c>.</summary>
internal sealed class OrderActorKindType : EnumerationGraphType
{
    public OrderActorKindType()
    {
        Name = "OrderActorKind";
        Description = "Who moved an order.";
        Add("BUYER", "BUYER", "The order's buyer.");
        Add("SELLER", "SELLER", "The store's seller.");
        Add("ADMIN", "ADMIN", "An administrator.");
        Add("SYSTEM", "SYSTEM", "The marketplace itself (expiry, completion after the return window).");
    }
}
