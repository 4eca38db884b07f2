using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventorySetInputType : InputObjectGraphType
{
    public InventorySetInputType()
    {
        Name = "InventorySetInput";
        Description = "A count: onHand becomes this value.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant counted.");
        Field<NonNullGraphType<IntGraphType>>("onHand").Description("Units on hand, 0 to 1,000,000,000; not below what is reserved + allocated (ON_HAND_BELOW_COMMITTED) unless the variant takes backorders.");
        Field<IntGraphType>("expectedOnHand").Description("The onHand your count started from: the count applies only if it is still that (else ON_HAND_CONFLICT), so two devices do not overwrite each other.");
        Field<InventoryAdjustReasonType>("reason").Description("Why (CORRECTION when omitted; RECEIVED is for inventoryAdjust).");
        Field<StringGraphType>("note").Description("For your own records, at most 200 characters.");
    }
}
