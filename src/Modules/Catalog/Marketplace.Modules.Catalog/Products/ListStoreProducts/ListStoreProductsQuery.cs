using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.ListStoreProducts;

/// <summary>
/// A store's products, newest first, a page at a time (<see cref="After"/>: the id of the last product of the previous
/// page). <see cref="Status"/> (upper-case; empty = any the reader may see) filters them. <see cref="ViewerSells"/>:
/// the reader is a seller, who may run the store.
/// </summary>
internal sealed record ListStoreProductsQuery(string StoreId, string Status, int First, string After, Viewer Viewer, bool ViewerSells) : IQuery<StoreProductsPage>;

/// <summary>A page of a store's products and how many there are over all pages.</summary>
internal sealed record StoreProductsPage(Page<ProductEntity> Page, int TotalCount);
