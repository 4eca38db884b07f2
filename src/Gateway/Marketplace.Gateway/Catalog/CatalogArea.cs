using GraphQL;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// The Catalog area: the taxonomy (<c>categories</c>, <c>category</c>, the ADMIN <c>category*</c> mutations), products
/// with options and variants (<c>product</c>, <c>productVariantBySku</c>, <c>store.products</c>, the SELLER
/// <c>product*</c> mutations) and the nearby search with its rebuild (<c>productsNear</c>,
/// <c>catalogSearchReindexStatus</c>, <c>catalogSearchReindexStart</c>), through the <c>CatalogTaxonomy</c>,
/// <c>CatalogProducts</c> and <c>CatalogSearch</c> contracts, which authorize every call again from the caller in its
/// metadata (ownership through the Sellers contract) and show buyers and visitors ACTIVE products of ACTIVE stores only.
/// </summary>
internal sealed class CatalogArea : IGatewayArea
{
    public const string CategoryTypeName = "Category";
    public const string ProductTypeName = "Product";
    public const string VariantTypeName = "ProductVariant";
    public const string ReindexTypeName = "CatalogSearchReindex";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<CatalogTaxonomy.CatalogTaxonomyClient>("Catalog");
        services.AddContractClient<CatalogProducts.CatalogProductsClient>("Catalog");
        services.AddContractClient<CatalogSearch.CatalogSearchClient>("Catalog");
        services.AddSchemaContribution<CategoryQueries>();
        services.AddSchemaContribution<CategoryMutations>();
        services.AddSchemaContribution<ProductQueries>();
        services.AddSchemaContribution<ProductMutations>();
        services.AddSchemaContribution<ProductStatusMutations>();
        services.AddSchemaContribution<SearchQueries>();
        services.AddSchemaContribution<SearchMutations>();
        services.AddSingleton<IStoreExtension, StoreProductsField>();
        services.AddNodeResolver<CategoryNodeResolver>();
        services.AddNodeResolver<ProductNodeResolver>();
        services.AddNodeResolver<ProductVariantNodeResolver>();
        services.AddNodeResolver<CatalogSearchReindexNodeResolver>();
    }

    public static CatalogTaxonomy.CatalogTaxonomyClient Taxonomy(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CatalogTaxonomy.CatalogTaxonomyClient>();

    public static CatalogProducts.CatalogProductsClient Products(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CatalogProducts.CatalogProductsClient>();

    public static CatalogSearch.CatalogSearchClient Search(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<CatalogSearch.CatalogSearchClient>();
}
