using Marketplace.Shared.Contracts;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.GetProducts;

/// <summary>Batched hydration by ids (at most 200); unknown ids and products hidden from the viewer are left out.</summary>
internal sealed record GetProductsQuery(IReadOnlyList<string> Ids, Viewer Viewer) : IQuery<List<ProductEntity>>;
