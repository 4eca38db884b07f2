using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Contracts.Events;

// The facts the Catalog module publishes. Prices are decimals in the variant's currency (never floats);
// MinPrice/MaxPrice span the product's variants. Version grows by one with every change of a product, so a
// consumer (the search projection) ignores an older state arriving late.

/// <summary>A product became ACTIVE (visible to buyers) for the first time or again after being a draft.</summary>
[IntegrationEvent("marketplace.catalog.product_published.v1")]
public sealed record ProductPublished(
    Guid ProductId,
    Guid StoreId,
    string Title,
    Guid CategoryId,
    decimal MinPrice,
    decimal MaxPrice,
    string Currency,
    long Version,
    DateTimeOffset PublishedAt) : IIntegrationEvent;

/// <summary>A product's listing changed (title, description, category, attributes, images, options, variants) in any status.</summary>
[IntegrationEvent("marketplace.catalog.product_updated.v1")]
public sealed record ProductUpdated(
    Guid ProductId,
    Guid StoreId,
    string Title,
    Guid CategoryId,
    string Status,
    decimal MinPrice,
    decimal MaxPrice,
    string Currency,
    long Version,
    DateTimeOffset UpdatedAt) : IIntegrationEvent;

/// <summary>A product was archived: no longer sold or found.</summary>
[IntegrationEvent("marketplace.catalog.product_archived.v1")]
public sealed record ProductArchived(
    Guid ProductId,
    Guid StoreId,
    long Version,
    DateTimeOffset ArchivedAt) : IIntegrationEvent;

/// <summary>A variant's price changed (one event per variant whose price differs).</summary>
[IntegrationEvent("marketplace.catalog.variant_price_changed.v1")]
public sealed record VariantPriceChanged(
    Guid ProductId,
    Guid VariantId,
    Guid StoreId,
    string Sku,
    decimal OldPrice,
    decimal NewPrice,
    decimal? CompareAtPrice,
    string Currency,
    DateTimeOffset ChangedAt) : IIntegrationEvent;

/// <summary>
/// A category was renamed, got a new slug or moved: <see cref="Path"/> is its path now (descendants' paths changed
/// with it), <see cref="PreviousPath"/> the one before. Products keep their versions; consumers that copy category
/// names or paths (the search projection) refresh the products of the subtree.
/// </summary>
[IntegrationEvent("marketplace.catalog.category_changed.v1")]
public sealed record CategoryChanged(
    Guid CategoryId,
    string Path,
    string PreviousPath,
    DateTimeOffset ChangedAt) : IIntegrationEvent;

/// <summary>
/// The Media assets a product shows changed (images added, removed or replaced): <see cref="AssetIds"/> is the whole
/// current set of Media asset ids among its images (external URLs are not assets; empty: none), so the Media module
/// keeps referenced assets and deletes the others after a grace period. Archiving keeps the set (an archived product
/// can be published again). <see cref="Version"/> is the product's version with this change.
/// </summary>
[IntegrationEvent("marketplace.catalog.product_media_changed.v1")]
public sealed record ProductMediaChanged(
    Guid ProductId,
    Guid StoreId,
    IReadOnlyList<Guid> AssetIds,
    long Version,
    DateTimeOffset ChangedAt) : IIntegrationEvent;
