using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventoryPolicyType : EnumerationGraphType
{
    public InventoryPolicyType()
    {
        Name = "InventoryPolicy";
        Description = "What happens when nothing is available.";
        Add("DENY", "DENY", "Stop selling (the default): never more is sold than is available.");
        Add("CONTINUE", "CONTINUE", "Keep selling: backorders, handed over once stock is received.");
    }
}
