using Marketplace.Shared.Contracts;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.GetProduct;

/// <summary>One product by id, or by <see cref="Slug"/> when given, as <see cref="Viewer"/> may see it (null: none, or hidden from them).</summary>
internal sealed record GetProductQuery(string Id, Viewer Viewer, string Slug = "") : IQuery<ProductEntity?>;
