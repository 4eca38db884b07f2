using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Contracts.Events;

// The facts the Inventory module publishes.

/// <summary>
/// A variant became available for sale or stopped being so (its availability crossed zero either way, or its policy or
/// tracking changed it). <see cref="Version"/> grows by one with every such change of the variant, so a consumer (Catalog's
/// search projection) ignores an older state arriving late.
/// </summary>
[IntegrationEvent("marketplace.inventory.stock_changed.v1")]
public sealed record StockChanged(
    Guid VariantId,
    Guid ProductId,
    Guid StoreId,
    bool AvailableForSale,
    long Version,
    DateTimeOffset ChangedAt) : IIntegrationEvent;

/// <summary>
/// A tracked variant's availability fell to or below its low-stock threshold: once per crossing (not again until it rose
/// above the threshold). For the seller: <see cref="SellerId"/> is the user to tell; <see cref="NotifyEmail"/> the
/// store's contact address (empty when unknown).
/// </summary>
[IntegrationEvent("marketplace.inventory.low_stock.v1")]
public sealed record LowStock(
    Guid VariantId,
    Guid ProductId,
    Guid StoreId,
    Guid SellerId,
    string Sku,
    string ProductTitle,
    int Available,
    int Threshold,
    string NotifyEmail,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
