using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Catalog.Products.GetVariant;

/// <summary>A variant by its id, with its product, as <see cref="Viewer"/> may see the product (null: none, or hidden).</summary>
internal sealed record GetVariantQuery(string Id, Viewer Viewer) : IQuery<FoundVariant?>;
