using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Catalog.Products.GetVariantBySku;

/// <summary>The variant with this SKU (case-insensitive) in a store, with its product, as <see cref="Viewer"/> may see it.</summary>
internal sealed record GetVariantBySkuQuery(string StoreId, string Sku, Viewer Viewer) : IQuery<FoundVariant?>;
