using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventoryAdjustInputType : InputObjectGraphType
{
    public InventoryAdjustInputType()
    {
        Name = "InventoryAdjustInput";
        Description = "A change of onHand by delta: a delivery received, or a correction.";
        Field<NonNullGraphType<IdGraphType>>("variantId").Description("The ProductVariant whose stock changes.");
        Field<NonNullGraphType<IntGraphType>>("delta").Description("Units added (positive) or removed (negative), not 0; onHand stays within 0 to 1,000,000,000 and not below what is reserved + allocated unless the variant takes backorders.");
        Field<NonNullGraphType<InventoryAdjustReasonType>>("reason").Description("Why; RECEIVED needs a positive delta.");
        Field<StringGraphType>("note").Description("For your own records (e.g. a delivery note number), at most 200 characters.");
    }
}
