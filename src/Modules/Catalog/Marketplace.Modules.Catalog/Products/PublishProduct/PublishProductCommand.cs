using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.PublishProduct;

/// <summary>The seller makes a DRAFT or ARCHIVED product ACTIVE; publishing an ACTIVE product changes nothing.</summary>
internal sealed record PublishProductCommand(Guid SellerId, Guid ProductId) : ICommand<ProductEntity>;
