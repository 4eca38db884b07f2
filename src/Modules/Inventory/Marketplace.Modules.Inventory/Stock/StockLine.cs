namespace Marketplace.Modules.Inventory.Stock;

/// <summary>A line of a reservation, fulfilment or restock: <see cref="VariantId"/> is null when the text was not a UUID.</summary>
internal sealed record StockLineInput(Guid? VariantId, int Quantity);

/// <summary>Units of one variant in an answer.</summary>
internal sealed record StockLineResult(Guid VariantId, int Quantity);
