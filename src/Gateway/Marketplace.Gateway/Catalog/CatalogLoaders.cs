using GraphQL;
using GraphQL.DataLoader;
using Marketplace.Gateway.DataLoading;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Sellers.Contracts.V1;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// Cross-module and repeated lookups of the Catalog area, batched per request: a page of products from many stores
/// costs one <c>GetStores</c> call, their categories one <c>GetCategories</c> call, and the category tree is read once.
/// </summary>
internal static class CatalogLoaders
{
    public const string StoresLoader = "Sellers.GetStores";
    public const string CategoriesLoader = "Catalog.GetCategories";
    public const string TreeLoader = "Catalog.ListCategories";

    /// <summary>The store of a product, through the Sellers contract; null when the caller may not see it.</summary>
    public static IDataLoaderResult<Store?> Store(IResolveFieldContext context, string storeId) => StoreLoader(context).Load(storeId);

    /// <summary>
    /// Stores whose listing facts a search page already carried (Catalog's copy; ACTIVE, so visible to everyone): the
    /// page's <c>store</c> fields then cost no Sellers call. Only when the operation asks nothing else of a product's
    /// store (<see cref="SearchHydration.StoreFactsSuffice"/>).
    /// </summary>
    public static void PrimeStores(IResolveFieldContext context, IEnumerable<Store> stores) => Prime(StoreLoader(context), stores, s => s.Id);

    private static BatchLoader<string, Store> StoreLoader(IResolveFieldContext context) =>
        Loaders(context).GetOrAdd<string, Store>(StoresLoader, async (ids, cancellationToken) =>
        {
            var sellers = context.RequestServices!.GetRequiredService<SellersStores.SellersStoresClient>();
            // GetStores takes at most 200 ids (a page of 100 products and 100 facet stores fit in one call).
            var found = new Dictionary<string, Store>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(200))
            {
                var response = await sellers.GetStoresAsync(new GetStoresRequest { Ids = { chunk } }, cancellationToken: cancellationToken);
                foreach (var store in response.Stores)
                    found[store.Id] = store;
            }

            return found;
        });

    public static IDataLoaderResult<Category?> Category(IResolveFieldContext context, string categoryId) => CategoryLoader(context).Load(categoryId);

    /// <summary>Categories a search's facets already carried (as GetCategories answers them): their names cost no call.</summary>
    public static void PrimeCategories(IResolveFieldContext context, IEnumerable<Category> categories) => Prime(CategoryLoader(context), categories, c => c.Id);

    private static void Prime<T>(BatchLoader<string, T> loader, IEnumerable<T> values, Func<T, string> id)
    {
        foreach (var value in values)
            loader.Prime(id(value), value);
    }

    private static BatchLoader<string, Category> CategoryLoader(IResolveFieldContext context) =>
        Loaders(context).GetOrAdd<string, Category>(CategoriesLoader, async (ids, cancellationToken) =>
        {
            var response = await CatalogArea.Taxonomy(context).GetCategoriesAsync(new GetCategoriesRequest { Ids = { ids } }, cancellationToken: cancellationToken);
            return response.Categories.ToDictionary(c => c.Id);
        });

    /// <summary>The whole tree (parents before children), read once per request.</summary>
    public static IDataLoaderResult<CategoryTree?> Tree(IResolveFieldContext context) =>
        Loaders(context).GetOrAdd<string, CategoryTree>(TreeLoader, async (keys, cancellationToken) =>
        {
            var response = await CatalogArea.Taxonomy(context).ListCategoriesAsync(new ListCategoriesRequest(), cancellationToken: cancellationToken);
            var tree = new CategoryTree(response.Categories.ToList());
            return keys.ToDictionary(k => k, _ => tree);
        }).Load("tree");

    private static DataLoaderContext Loaders(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<DataLoaderContext>();
}
