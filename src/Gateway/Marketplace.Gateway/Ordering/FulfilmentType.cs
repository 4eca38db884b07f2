using GraphQL.Types;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>Fulfilment</c>.</summary>
internal sealed class FulfilmentType : EnumerationGraphType
{
    public FulfilmentType()
    {
        Name = "Fulfilment";
        Description = "How the buyer gets the goods.";
        Add("DELIVERY", "DELIVERY", "The store delivers to the buyer's address (within its service radius).");
        Add("PICKUP", "PICKUP", "The buyer collects at the store.");
    }
}
