using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventorySettingsUpdateInputType : InputObjectGraphType
{
    public InventorySettingsUpdateInputType()
    {
        Name = "InventorySettingsUpdateInput";
        Description = "How a variant is stocked. Only the fields given change.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant.");
        Field<IntGraphType>("lowStockThreshold").Description("0 to 1,000,000,000: you are told once when available falls to or below it; null turns alerts off.");
        Field<IntGraphType>("safetyStock").Description("Units kept back from sale, 0 to 1,000,000,000.");
        Field<InventoryPolicyType>("policy").Description("DENY or CONTINUE (backorders). DENY is refused while more is promised than is on hand (ON_HAND_BELOW_COMMITTED).");
        Field<BooleanGraphType>("tracked").Description("False for what is never counted (a service). Turning tracking on is refused like DENY.");
    }
}
