using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Inventory;

/// <summary><c>InventorySetPayload</c>, <c>InventoryAdjustPayload</c>, …: the level after the change, or userErrors.</summary>
internal sealed class InventoryPayloadType<TMutation> : ObjectGraphType<InventoryPayload>
    where TMutation : IInventoryMutation
{
    public InventoryPayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Description = $"The result of {char.ToLowerInvariant(TMutation.TypePrefix[0])}{TMutation.TypePrefix[1..]}: the variant's stock, or why nothing changed.";
        Field<InventoryLevelType>("inventory").Description("The variant's stock after the change; null when the mutation failed.").Resolve(c => c.Source.Inventory);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<InventoryErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
