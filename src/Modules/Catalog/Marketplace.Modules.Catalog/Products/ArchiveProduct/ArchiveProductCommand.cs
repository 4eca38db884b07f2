using Mediator;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;

namespace Marketplace.Modules.Catalog.Products.ArchiveProduct;

/// <summary>The seller archives a DRAFT or ACTIVE product: no longer sold or found. Archiving it again changes nothing.</summary>
internal sealed record ArchiveProductCommand(Guid SellerId, Guid ProductId) : ICommand<ProductEntity>;
