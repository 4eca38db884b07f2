using GraphQL;
using GraphQL.Types;
using Grpc.Core;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Store = Marketplace.Modules.Sellers.Contracts.V1.Store;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// Catalog: the taxonomy (<c>categories</c>, <c>category</c>, ADMIN <c>category*</c> mutations), products with options and
/// variants (SELLER <c>product*</c> mutations), <c>product(id)</c>, <c>productVariantBySku</c> and <c>store.products</c>.
/// The Catalog module authorizes again from the caller in the call metadata (ownership through the Sellers contract)
/// and shows buyers and visitors ACTIVE products of ACTIVE stores only.
/// </summary>
internal sealed class CatalogContribution : ISchemaContribution, IStoreExtension
{
    public const string CategoryTypeName = "Category";
    public const string ProductTypeName = "Product";
    public const string VariantTypeName = "ProductVariant";

    public void ConfigureStore(ObjectGraphType<Store> store) =>
        store.Field<NonNullGraphType<ConnectionType<ProductType, Product>>>("products")
            .Description("The store's products, newest first. Buyers and visitors see ACTIVE ones; the store's seller and administrators any status (or the one asked for).")
            .Argument<ProductStatusType>("status", "Only products in this status.")
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                ListStoreProductsResponse response;
                try
                {
                    response = await CatalogLoaders.Contract(c).ListStoreProductsAsync(
                        new ListStoreProductsRequest { StoreId = c.Source.Id, Status = c.GetArgument<string?>("status") ?? "", First = page.First, After = page.AfterKey ?? "" },
                        cancellationToken: c.CancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
                {
                    throw new GatewayError(ErrorCodes.BadUserInput, string.Join(" ", UserErrors.From(exception).Select(e => e.Message)));
                }

                var items = response.Products.ToList();
                if (response.HasNextPage)
                    items.Add(new Product()); // FromSlice reads "first + 1 items" as "there is a next page"
                return Connection<Product>.FromSlice(items, page, p => p.Id, response.TotalCount);
            });

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryType>>>>("categories")
            .Description("The taxonomy's root categories by position; walk down with children.")
            .AllowAnonymous()
            .Resolve(c => CatalogLoaders.Tree(c).Then(tree => tree?.Roots ?? []));

        query.Field<CategoryType>("category")
            .Description("A category by slug or id (exactly one); null when there is none.")
            .Argument<StringGraphType>("slug")
            .Argument<IdGraphType>("id")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var slug = c.GetArgument<string?>("slug");
                var id = c.GetArgument<string?>("id");
                if ((id is null) == (slug is null))
                    throw new GatewayError(ErrorCodes.BadUserInput, "Give exactly one of 'slug' and 'id'.");
                var request = new GetCategoryRequest { Slug = slug ?? "" };
                if (id is not null)
                {
                    if (!GlobalId.TryDecode(id, out var type, out var localId) || type != CategoryTypeName)
                        return null;
                    request.Id = localId;
                }

                return await NullIfNotFound(async () => await CatalogLoaders.Contract(c).GetCategoryAsync(request, cancellationToken: c.CancellationToken));
            });

        query.Field<ProductType>("product")
            .Description("A product by id. Buyers and visitors see ACTIVE products of ACTIVE stores; null otherwise.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                if (!GlobalId.TryDecode(c.GetArgument<string>("id"), out var type, out var localId) || type != ProductTypeName)
                    return null;
                return await NullIfNotFound(async () => await CatalogLoaders.Contract(c).GetProductAsync(new ProductIdRequest { Id = localId }, cancellationToken: c.CancellationToken));
            });

        query.Field<ProductVariantType>("productVariantBySku")
            .Description("The variant with this SKU in a store (case-insensitive), with its product; null when there is none you may see.")
            .Argument<NonNullGraphType<IdGraphType>>("storeId")
            .Argument<NonNullGraphType<StringGraphType>>("sku")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                if (!GlobalId.TryDecode(c.GetArgument<string>("storeId"), out var type, out var storeId) || type != "Store")
                    return null;
                var found = await NullIfNotFound(async () => await CatalogLoaders.Contract(c).GetVariantBySkuAsync(
                    new GetVariantBySkuRequest { StoreId = storeId, Sku = c.GetArgument<string>("sku") }, cancellationToken: c.CancellationToken));
                return found is null ? null : new VariantSource(found.Product, found.Product.Variants.First(v => v.Id == found.VariantId));
            });
    }

    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CategoryPayloadType>>("categoryCreate")
            .Description("Administrators: adds a category (under parentId, or at the root).")
            .Argument<NonNullGraphType<CategoryCreateInputType>>("input")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(c => CategoryCall(
                c,
                input =>
                {
                    var request = new CreateCategoryRequest { Name = input.Text("name"), Slug = input.Text("slug"), ParentId = input.Id("parentId", CategoryTypeName) };
                    if (input.Int("position") is { } position)
                        request.Position = position;
                    return request;
                },
                (request, contract) => contract.CreateCategoryAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<CategoryUpdatePayloadType>>("categoryUpdate")
            .Description("Administrators: renames, re-slugs (the subtree's paths follow) or repositions a category.")
            .Argument<NonNullGraphType<CategoryUpdateInputType>>("input")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(c => CategoryCall(
                c,
                input =>
                {
                    var request = new UpdateCategoryRequest { Id = input.Id("id", CategoryTypeName) };
                    if (input.Given("name"))
                        request.Name = input.Text("name");
                    if (input.Given("slug"))
                        request.Slug = input.Text("slug");
                    if (input.Int("position") is { } position)
                        request.Position = position;
                    return request;
                },
                (request, contract) => contract.UpdateCategoryAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<CategoryMovePayloadType>>("categoryMove")
            .Description("Administrators: moves a category (with its subtree) under another parent or to the root; refuses cycles.")
            .Argument<NonNullGraphType<CategoryMoveInputType>>("input")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(c => CategoryCall(
                c,
                input =>
                {
                    var request = new MoveCategoryRequest { Id = input.Id("id", CategoryTypeName), ParentId = input.Id("parentId", CategoryTypeName) };
                    if (input.Int("position") is { } position)
                        request.Position = position;
                    return request;
                },
                (request, contract) => contract.MoveCategoryAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<CategoryDeletePayloadType>>("categoryDelete")
            .Description("Administrators: deletes a category without children or products.")
            .Argument<NonNullGraphType<CategoryDeleteInputType>>("input")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                var input = new CatalogInput(c.GetArgument<Dictionary<string, object?>>("input"));
                var id = input.Id("id", CategoryTypeName);
                if (input.Errors.Count > 0)
                    return new CategoryDeletePayload(null, input.Errors);
                return await UserErrors.CatchAsync(
                    async () =>
                    {
                        await CatalogLoaders.Contract(c).DeleteCategoryAsync(new DeleteCategoryRequest { Id = id }, cancellationToken: c.CancellationToken);
                        return new CategoryDeletePayload(GlobalId.Encode(CategoryTypeName, id), []);
                    },
                    errors => new CategoryDeletePayload(null, errors));
            });

        mutation.Field<NonNullGraphType<ProductCreatePayloadType>>("productCreate")
            .Description("Sellers: adds a DRAFT product with its variants to one of your stores.")
            .Argument<NonNullGraphType<ProductCreateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => ProductCall(c, input => input.Create(), (request, contract) => contract.CreateProductAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<ProductUpdatePayloadType>>("productUpdate")
            .Description("Sellers: changes a product's listing; options and variants given replace the variant set.")
            .Argument<NonNullGraphType<ProductUpdateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => ProductCall(c, input => input.Update(), (request, contract) => contract.UpdateProductAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<ProductVariantsBulkUpdatePayloadType>>("productVariantsBulkUpdate")
            .Description("Sellers: changes fields of several variants of one product at once (prices, SKUs, ...).")
            .Argument<NonNullGraphType<ProductVariantsBulkUpdateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => ProductCall(c, input => input.BulkUpdate(), (request, contract) => contract.UpdateVariantsAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<ProductPublishPayloadType>>("productPublish")
            .Description("Sellers: makes a DRAFT or ARCHIVED product ACTIVE (visible to buyers). Only products of ACTIVE stores.")
            .Argument<NonNullGraphType<ProductPublishInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => ProductCall(
                c,
                input => new ProductIdRequest { Id = input.Id("id", ProductTypeName) },
                (request, contract) => contract.PublishProductAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));

        mutation.Field<NonNullGraphType<ProductArchivePayloadType>>("productArchive")
            .Description("Sellers: archives a product: no longer sold or found.")
            .Argument<NonNullGraphType<ProductArchiveInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(c => ProductCall(
                c,
                input => new ProductIdRequest { Id = input.Id("id", ProductTypeName) },
                (request, contract) => contract.ArchiveProductAsync(request, cancellationToken: c.CancellationToken).ResponseAsync));
    }

    public IEnumerable<Type> AdditionalTypes => [typeof(CategoryType), typeof(ProductType)];

    /// <summary>Reads the input; INVALID_ID user errors stop there, else the module is called (expected failures → userErrors).</summary>
    private static async Task<object?> ProductCall<TRequest>(
        IResolveFieldContext c, Func<CatalogInput, TRequest> build, Func<TRequest, CatalogContract.CatalogContractClient, Task<Product>> send)
    {
        var input = new CatalogInput(c.GetArgument<Dictionary<string, object?>>("input"));
        var request = build(input);
        if (input.Errors.Count > 0)
            return new ProductPayload(null, input.Errors);
        return await UserErrors.CatchAsync(
            async () => new ProductPayload(await send(request, CatalogLoaders.Contract(c)), []),
            errors => new ProductPayload(null, errors));
    }

    private static async Task<object?> CategoryCall<TRequest>(
        IResolveFieldContext c, Func<CatalogInput, TRequest> build, Func<TRequest, CatalogContract.CatalogContractClient, Task<Category>> send)
    {
        var input = new CatalogInput(c.GetArgument<Dictionary<string, object?>>("input"));
        var request = build(input);
        if (input.Errors.Count > 0)
            return new CategoryPayload(null, input.Errors);
        return await UserErrors.CatchAsync(
            async () => new CategoryPayload(await send(request, CatalogLoaders.Contract(c)), []),
            errors => new CategoryPayload(null, errors));
    }

    private static async Task<T?> NullIfNotFound<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary><c>node(id:)</c> for products: the same visibility as <c>product(id:)</c> (the module decides).</summary>
internal sealed class ProductNodeResolver : INodeResolver
{
    public string TypeName => CatalogContribution.ProductTypeName;

    public Type ClrType => typeof(Product);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        try
        {
            return await CatalogLoaders.Contract(context).GetProductAsync(new ProductIdRequest { Id = id }, cancellationToken: context.CancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

/// <summary><c>node(id:)</c> for categories (public, like <c>category</c>).</summary>
internal sealed class CategoryNodeResolver : INodeResolver
{
    public string TypeName => CatalogContribution.CategoryTypeName;

    public Type ClrType => typeof(Category);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        try
        {
            return await CatalogLoaders.Contract(context).GetCategoryAsync(new GetCategoryRequest { Id = id }, cancellationToken: context.CancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

internal sealed record ProductPayload(Product? Product, IReadOnlyList<UserError> UserErrors);

internal sealed record CategoryPayload(Category? Category, IReadOnlyList<UserError> UserErrors);

internal sealed record CategoryDeletePayload(string? DeletedCategoryId, IReadOnlyList<UserError> UserErrors);

internal abstract class ProductPayloadTypeBase : ObjectGraphType<ProductPayload>
{
    protected ProductPayloadTypeBase(string name)
    {
        Name = name;
        Field<ProductType>("product").Description("The product as it is now; null when refused.").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class ProductCreatePayloadType() : ProductPayloadTypeBase("ProductCreatePayload");

internal sealed class ProductUpdatePayloadType() : ProductPayloadTypeBase("ProductUpdatePayload");

internal sealed class ProductVariantsBulkUpdatePayloadType() : ProductPayloadTypeBase("ProductVariantsBulkUpdatePayload");

internal sealed class ProductPublishPayloadType() : ProductPayloadTypeBase("ProductPublishPayload");

internal sealed class ProductArchivePayloadType() : ProductPayloadTypeBase("ProductArchivePayload");

internal abstract class CategoryPayloadTypeBase : ObjectGraphType<CategoryPayload>
{
    protected CategoryPayloadTypeBase(string name)
    {
        Name = name;
        Field<CategoryType>("category").Description("The category as it is now; null when refused.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

internal sealed class CategoryPayloadType() : CategoryPayloadTypeBase("CategoryCreatePayload");

internal sealed class CategoryUpdatePayloadType() : CategoryPayloadTypeBase("CategoryUpdatePayload");

internal sealed class CategoryMovePayloadType() : CategoryPayloadTypeBase("CategoryMovePayload");

internal sealed class CategoryDeletePayloadType : ObjectGraphType<CategoryDeletePayload>
{
    public CategoryDeletePayloadType()
    {
        Name = "CategoryDeletePayload";
        Field<IdGraphType>("deletedCategoryId").Resolve(c => c.Source.DeletedCategoryId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
