namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// Catalog's copy of whether a variant is available for sale, fed by Inventory's <c>stock_changed.v1</c> (never read from
/// the Inventory schema). <see cref="Version"/> is Inventory's per-variant count of such changes: an older state arriving
/// late is ignored. A product is in stock when one of its variants is (<see cref="SearchProduct.InStock"/>).
/// </summary>
internal sealed class VariantStock
{
    public Guid VariantId { get; set; }

    public Guid ProductId { get; set; }

    public bool AvailableForSale { get; set; }

    public long Version { get; set; }

    public DateTimeOffset SyncedAt { get; set; }
}
