using GraphQL.Types;

namespace Marketplace.Gateway.Inventory;

internal sealed class InventoryAdjustReasonType : EnumerationGraphType
{
    public InventoryAdjustReasonType()
    {
        Name = "InventoryAdjustReason";
        Description = "Why onHand changes.";
        Add("RECEIVED", "RECEIVED", "A delivery arrived (inventoryAdjust only, positive delta).");
        Add("CORRECTION", "CORRECTION", "A correction of a mistake.");
        Add("CYCLE_COUNT", "CYCLE_COUNT", "A count of what is on the shelf.");
        Add("DAMAGED", "DAMAGED", "Units damaged and no longer sellable.");
        Add("SHRINKAGE", "SHRINKAGE", "Units lost or stolen.");
        Add("RETURNED", "RETURNED", "Units back from outside an order.");
        Add("OTHER", "OTHER", "Another reason (say which in the note).");
    }
}
