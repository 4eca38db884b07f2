namespace Marketplace.Modules.Inventory.Domain;

/// <summary>
/// Units of one variant committed to an order. <see cref="StockLevel.Allocated"/> sums <c>Quantity − Fulfilled − Cancelled</c>
/// over a variant's allocations; returned units come back to on hand.
/// </summary>
internal sealed class Allocation
{
    public Guid Id { get; set; }

    public string OrderId { get; set; } = "";

    public Guid VariantId { get; set; }

    public int Quantity { get; set; }

    public int Fulfilled { get; set; }

    public int Cancelled { get; set; }

    public int Returned { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
