using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary><c>product(id)</c> and <c>productVariantBySku</c>: buyers and visitors see ACTIVE products of ACTIVE stores only (the module decides).</summary>
internal sealed class ProductQueries : ISchemaContribution
{
    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<ProductType>("product")
            .Description("A product by id or slug (give exactly one). Buyers and visitors see ACTIVE products of ACTIVE stores; its seller and administrators any. Null otherwise.")
            .Argument<IdGraphType>("id", "The product's global id.")
            .Argument<StringGraphType>("slug", "The product's slug, e.g. \"oak-chair-3f9a2c1d\" (case-insensitive, at most 80 characters).")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var id = c.GetIdArgument("id", CatalogArea.ProductTypeName);
                var slug = c.GetArgument<string?>("slug");
                if ((id is null) == (slug is null))
                    throw new InputError("id", CommonErrorCodes.Invalid, "Give exactly one of 'id' and 'slug'.");
                if (slug is not null)
                    return await ContractCalls.OrNullAsync(async () => await CatalogArea.Products(c).GetProductBySlugAsync(new ProductSlugRequest { Slug = slug }, cancellationToken: c.CancellationToken));
                return await ContractCalls.OrNullAsync(async () => await CatalogArea.Products(c).GetProductAsync(new ProductIdRequest { Id = id }, cancellationToken: c.CancellationToken));
            });

        query.Field<ProductVariantType>("productVariantBySku")
            .Description("The variant with this SKU in a store (case-insensitive), with its product; null when there is none you may see (the product's visibility applies).")
            .Argument<NonNullGraphType<IdGraphType>>("storeId", "The store's global id.")
            .Argument<NonNullGraphType<StringGraphType>>("sku", "The SKU, at most 64 characters; case does not matter.")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var request = new GetVariantBySkuRequest { StoreId = c.GetIdArgument("storeId", SellersArea.StoreTypeName)!, Sku = c.GetArgument<string>("sku") };
                return VariantSource.Of(await ContractCalls.OrNullAsync(async () => await CatalogArea.Products(c).GetVariantBySkuAsync(request, cancellationToken: c.CancellationToken)));
            });
    }

    public IEnumerable<Type> AdditionalTypes => [typeof(ProductType), typeof(ProductVariantType)];
}
