namespace Marketplace.Modules.Inventory.Stock;

/// <summary>The bounds of stock quantities and texts (stated in the contract and the GraphQL descriptions).</summary>
internal static class InventoryRules
{
    /// <summary>Most units on hand of one variant; also the bound of a threshold, a safety stock and an adjustment.</summary>
    public const int MaxOnHand = 1_000_000_000;

    /// <summary>Most units of one line of a reservation, fulfilment or restock.</summary>
    public const int MaxLineQuantity = 100_000;

    public const int MaxNoteLength = 200;

    public const int MaxReferenceLength = 100;

    /// <summary>Most ids in one availability or level read.</summary>
    public const int MaxBatch = 200;

    public const int DefaultMovementsPage = 20;

    public const int MaxMovementsPage = 100;
}
