using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Products;
using Marketplace.Modules.Catalog.Products.ArchiveProduct;
using Marketplace.Modules.Catalog.Products.CreateProduct;
using Marketplace.Modules.Catalog.Products.GetProduct;
using Marketplace.Modules.Catalog.Products.GetProducts;
using Marketplace.Modules.Catalog.Products.GetVariant;
using Marketplace.Modules.Catalog.Products.GetVariants;
using Marketplace.Modules.Catalog.Products.GetVariantBySku;
using Marketplace.Modules.Catalog.Products.ListStoreProducts;
using Marketplace.Modules.Catalog.Products.PublishProduct;
using Marketplace.Modules.Catalog.Products.UpdateProduct;
using Marketplace.Modules.Catalog.Products.UpdateVariants;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Products;

namespace Marketplace.Modules.Catalog.GrpcServices;

/// <summary>
/// The <c>CatalogProducts</c> contract: sellers change the products of the stores they run; anyone reads what they may
/// see (the queries decide from the <see cref="Viewer"/>). Each method checks who is calling, sends one use case and maps
/// its result.
/// </summary>
internal sealed class CatalogProductsGrpcService(ISender mediator) : CatalogProducts.CatalogProductsBase
{
    public override async Task<Product> CreateProduct(CreateProductRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(CreateProductCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Product> UpdateProduct(UpdateProductRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(UpdateProductCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Product> UpdateVariants(UpdateVariantsRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(UpdateVariantsCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Product> PublishProduct(ProductIdRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(new PublishProductCommand(sellerId, ProductRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Product> ArchiveProduct(ProductIdRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(new ArchiveProductCommand(sellerId, ProductRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Product> GetProduct(ProductIdRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var product = await mediator.Send(new GetProductQuery(request.Id, viewer), context.CancellationToken)
            ?? throw ContractError.NotFound(Codes.ProductNotFound, "No such product.");
        return product.ToContract();
    }

    public override async Task<Product> GetProductBySlug(ProductSlugRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var product = await mediator.Send(new GetProductQuery("", viewer, request.Slug.Trim().ToLowerInvariant()), context.CancellationToken)
            ?? throw ContractError.NotFound(Codes.ProductNotFound, "No such product.");
        return product.ToContract();
    }

    public override async Task<GetProductsResponse> GetProducts(GetProductsRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        return new GetProductsResponse { Products = { (await mediator.Send(new GetProductsQuery(request.Ids, viewer), context.CancellationToken)).ToContract() } };
    }

    public override async Task<ListStoreProductsResponse> ListStoreProducts(ListStoreProductsRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        // Only a seller may run the store; the Sellers contract is asked about ownership only for them.
        var sells = CallContext.Current.Caller.IsInRole(Roles.Seller);
        var page = request.Page ?? new PageRequest();
        var query = new ListStoreProductsQuery(request.StoreId, request.Status.Trim().ToUpperInvariant(), page.First, page.After, viewer, sells);
        var result = await mediator.Send(query, context.CancellationToken);
        return new ListStoreProductsResponse
        {
            Products = { result.Page.Items.ToContract() },
            PageInfo = new PageInfo { HasNextPage = result.Page.HasNextPage },
            TotalCount = result.TotalCount,
        };
    }

    public override async Task<VariantWithProduct> GetVariant(VariantIdRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        return Map(await mediator.Send(new GetVariantQuery(request.Id, viewer), context.CancellationToken));
    }

    public override async Task<GetVariantsResponse> GetVariants(GetVariantsRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var found = await mediator.Send(new GetVariantsQuery(request.Ids, viewer), context.CancellationToken);
        var products = found.Select(f => f.Product).DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.ToContract());
        return new GetVariantsResponse { Variants = { found.Select(f => new VariantWithProduct { VariantId = f.VariantId.ToString(), Product = products[f.Product.Id] }) } };
    }

    public override async Task<VariantWithProduct> GetVariantBySku(GetVariantBySkuRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        return Map(await mediator.Send(new GetVariantBySkuQuery(request.StoreId, request.Sku, viewer), context.CancellationToken));
    }

    private static VariantWithProduct Map(FoundVariant? found) =>
        found is null
            ? throw ContractError.NotFound(Codes.VariantNotFound, "No such variant.")
            : new VariantWithProduct { VariantId = found.VariantId.ToString(), Product = found.Product.ToContract() };
}
