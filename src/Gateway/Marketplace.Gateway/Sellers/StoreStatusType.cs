using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class StoreStatusType : EnumerationGraphType
{
    public StoreStatusType()
    {
        Name = "StoreStatus";
        Description = "Whether buyers can see and buy from a store.";
        Add("ACTIVE", "ACTIVE", "Open; visible to buyers.");
        Add("CLOSED", "CLOSED", "Closed by its seller; hidden from buyers until reopened.");
        Add("SUSPENDED", "SUSPENDED", "Suspended by an administrator; hidden from buyers until reinstated.");
    }
}
