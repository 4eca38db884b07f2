using System.Globalization;
using Grpc.Core;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Products;
using CategoryEntity = Marketplace.Modules.Catalog.Domain.Category;
using ProductEntity = Marketplace.Modules.Catalog.Domain.Product;
using TaxonomyService = Marketplace.Modules.Catalog.Taxonomy.Taxonomy;

namespace Marketplace.Modules.Catalog.Contracts;

/// <summary>
/// The Catalog contract. Thin: checks who is calling (<see cref="Shared.Contracts.CallContext.Current"/>), then
/// delegates to <see cref="TaxonomyService"/>, <see cref="ProductCatalog"/> or <see cref="ProductReader"/>.
/// </summary>
internal sealed class CatalogContractService(TaxonomyService taxonomy, ProductCatalog products, ProductReader reader)
    : CatalogContract.CatalogContractBase
{
    public override async Task<V1.Category> CreateCategory(CreateCategoryRequest request, ServerCallContext context)
    {
        CatalogCallers.Admin();
        return ToContract(await taxonomy.CreateAsync(request, context.CancellationToken));
    }

    public override async Task<V1.Category> UpdateCategory(UpdateCategoryRequest request, ServerCallContext context)
    {
        CatalogCallers.Admin();
        return ToContract(await taxonomy.UpdateAsync(request, context.CancellationToken));
    }

    public override async Task<V1.Category> MoveCategory(MoveCategoryRequest request, ServerCallContext context)
    {
        CatalogCallers.Admin();
        return ToContract(await taxonomy.MoveAsync(request, context.CancellationToken));
    }

    public override async Task<DeleteCategoryResponse> DeleteCategory(DeleteCategoryRequest request, ServerCallContext context)
    {
        CatalogCallers.Admin();
        return new DeleteCategoryResponse { DeletedId = (await taxonomy.DeleteAsync(request.Id, context.CancellationToken)).ToString() };
    }

    public override async Task<ListCategoriesResponse> ListCategories(ListCategoriesRequest request, ServerCallContext context) =>
        new() { Categories = { (await taxonomy.ListAsync(context.CancellationToken)).Select(ToContract) } };

    public override async Task<V1.Category> GetCategory(GetCategoryRequest request, ServerCallContext context) =>
        ToContract(await taxonomy.FindAsync(request.Id, request.Slug, context.CancellationToken)
            ?? throw Shared.Contracts.ContractError.NotFound("CATEGORY_NOT_FOUND", "No such category."));

    public override async Task<ListCategoriesResponse> GetCategories(GetCategoriesRequest request, ServerCallContext context) =>
        new() { Categories = { (await taxonomy.GetManyAsync(request.Ids, context.CancellationToken)).Select(ToContract) } };

    public override async Task<V1.Product> CreateProduct(CreateProductRequest request, ServerCallContext context) =>
        ToContract(await products.CreateAsync(CatalogCallers.Seller(), request, context.CancellationToken));

    public override async Task<V1.Product> UpdateProduct(UpdateProductRequest request, ServerCallContext context) =>
        ToContract(await products.UpdateAsync(CatalogCallers.Seller(), request, context.CancellationToken));

    public override async Task<V1.Product> UpdateVariants(UpdateVariantsRequest request, ServerCallContext context) =>
        ToContract(await products.UpdateVariantsAsync(CatalogCallers.Seller(), request, context.CancellationToken));

    public override async Task<V1.Product> PublishProduct(ProductIdRequest request, ServerCallContext context) =>
        ToContract(await products.PublishAsync(CatalogCallers.Seller(), request.Id, context.CancellationToken));

    public override async Task<V1.Product> ArchiveProduct(ProductIdRequest request, ServerCallContext context) =>
        ToContract(await products.ArchiveAsync(CatalogCallers.Seller(), request.Id, context.CancellationToken));

    public override async Task<V1.Product> GetProduct(ProductIdRequest request, ServerCallContext context) =>
        ToContract(await reader.GetAsync(request.Id, context.CancellationToken)
            ?? throw Shared.Contracts.ContractError.NotFound("PRODUCT_NOT_FOUND", "No such product."));

    public override async Task<GetProductsResponse> GetProducts(GetProductsRequest request, ServerCallContext context) =>
        new() { Products = { (await reader.GetManyAsync(request.Ids, context.CancellationToken)).Select(ToContract) } };

    public override async Task<ListStoreProductsResponse> ListStoreProducts(ListStoreProductsRequest request, ServerCallContext context)
    {
        var (items, hasNext, total) = await reader.ListByStoreAsync(request.StoreId, request.Status, request.First, request.After, context.CancellationToken);
        return new ListStoreProductsResponse { Products = { items.Select(ToContract) }, HasNextPage = hasNext, TotalCount = total };
    }

    public override async Task<VariantWithProduct> GetVariantBySku(GetVariantBySkuRequest request, ServerCallContext context)
    {
        var found = await reader.GetBySkuAsync(request.StoreId, request.Sku, context.CancellationToken)
            ?? throw Shared.Contracts.ContractError.NotFound("VARIANT_NOT_FOUND", "No such variant.");
        return new VariantWithProduct { VariantId = found.VariantId.ToString(), Product = ToContract(found.Product) };
    }

    public override async Task<GetVariantsResponse> GetVariants(GetVariantsRequest request, ServerCallContext context)
    {
        var found = await reader.GetVariantsAsync(request.Ids, context.CancellationToken);
        var products = found.Select(f => f.Product).Distinct().ToDictionary(p => p.Id, ToContract);
        return new GetVariantsResponse { Variants = { found.Select(f => new VariantWithProduct { VariantId = f.VariantId.ToString(), Product = products[f.Product.Id] }) } };
    }

    internal static V1.Category ToContract(CategoryEntity category) => new()
    {
        Id = category.Id.ToString(),
        ParentId = category.ParentId?.ToString() ?? "",
        Name = category.Name,
        Slug = category.Slug,
        Position = category.Position,
        Path = category.Path,
        CreatedAt = Iso(category.CreatedAt),
        UpdatedAt = Iso(category.UpdatedAt),
    };

    internal static V1.Product ToContract(ProductEntity product)
    {
        var currency = product.Currency;
        var message = new V1.Product
        {
            Id = product.Id.ToString(),
            StoreId = product.StoreId.ToString(),
            SellerId = product.SellerId.ToString(),
            Title = product.Title,
            Description = product.Description,
            CategoryId = product.CategoryId.ToString(),
            Status = product.Status,
            Attributes = { product.Attributes },
            Images = { product.Images },
            Options = { product.Options.Select(o => new V1.ProductOption { Name = o.Name, Values = { o.Values } }) },
            MinPrice = Money.Format(product.MinPrice, currency),
            MaxPrice = Money.Format(product.MaxPrice, currency),
            Currency = currency,
            Version = product.Version,
            CreatedAt = Iso(product.CreatedAt),
            UpdatedAt = Iso(product.UpdatedAt),
            PublishedAt = product.PublishedAt is { } published ? Iso(published) : "",
        };
        foreach (var variant in product.Variants.OrderBy(v => v.Position))
        {
            var item = new Variant
            {
                Id = variant.Id.ToString(),
                ProductId = product.Id.ToString(),
                Sku = variant.Sku,
                Price = Money.Format(variant.Price, variant.Currency),
                CompareAtPrice = variant.CompareAtPrice is { } compareAt ? Money.Format(compareAt, variant.Currency) : "",
                Currency = variant.Currency,
                Barcode = variant.Barcode ?? "",
                Position = variant.Position,
            };
            if (variant.WeightGrams is { } weight)
                item.WeightGrams = weight;
            item.Options.AddRange(product.Options
                .Where(o => variant.OptionValues.ContainsKey(o.Name))
                .Select(o => new SelectedOption { Name = o.Name, Value = variant.OptionValues[o.Name] }));
            message.Variants.Add(item);
        }

        return message;
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>Who may call what: administrators run the taxonomy, sellers their products.</summary>
internal static class CatalogCallers
{
    public static void Admin()
    {
        var caller = Shared.Contracts.CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw Shared.Contracts.ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (caller.Kind != Shared.Contracts.CallerKind.User || !caller.IsInRole(Shared.Contracts.Roles.Admin))
            throw Shared.Contracts.ContractError.PermissionDenied("ADMINS_ONLY", "Only administrators change the taxonomy.");
    }

    public static Guid Seller()
    {
        var caller = Shared.Contracts.CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw Shared.Contracts.ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (caller.Kind != Shared.Contracts.CallerKind.User || !caller.IsInRole(Shared.Contracts.Roles.Seller) || !Guid.TryParse(caller.Id, out var id))
            throw Shared.Contracts.ContractError.PermissionDenied("SELLERS_ONLY", "Only sellers manage products.");
        return id;
    }
}
