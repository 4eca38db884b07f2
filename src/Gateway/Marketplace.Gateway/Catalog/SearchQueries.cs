using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>
/// <c>productsNear</c> (everyone) over Catalog's search projection, and <c>catalogSearchReindexStatus</c> (administrators).
/// The Catalog module validates and authorizes again; its InvalidArgument answers become BAD_USER_INPUT with
/// <c>extensions.fieldViolations</c>.
/// </summary>
internal sealed class SearchQueries : ISchemaContribution
{
    /// <summary>The search radius when none is given: the same as <c>storesNear</c>'s.</summary>
    public const double DefaultRadiusKm = 10;

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<NearbyProductConnectionType>>("productsNear")
            .Description("ACTIVE products of ACTIVE stores within radiusKm of a point. Ordered by sort (RELEVANCE when a query is given, else DISTANCE); each edge carries distanceMeters.")
            .Argument<NonNullGraphType<GeoPointInputType>>("location", "Where to search from.")
            .Argument<FloatGraphType>("radiusKm", "Search radius in km, above 0 and at most 100.", a => a.DefaultValue = DefaultRadiusKm)
            .Argument<StringGraphType>("query", "Full text over titles (strongest), category names and descriptions, at most 200 characters; web-search syntax: words, \"a phrase\", -excluded, or.")
            .Argument<IdGraphType>("categoryId", "Only products in this category or any category below it.")
            .Argument<ExactDecimalGraphType>("priceMin", "Only products whose lowest price is at least this (0 to 1,000,000,000).")
            .Argument<ExactDecimalGraphType>("priceMax", "Only products whose lowest price is at most this (0 to 1,000,000,000, not below priceMin).")
            .Argument<ProductSearchSortType>("sort", "The order; RELEVANCE needs a query. A cursor continues only the sort it came from.")
            .Argument<BooleanGraphType>("inStockOnly", "Only products with a variant available for sale now (follows stock changes within moments).", a => a.DefaultValue = false)
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var request = new ProductsNearRequest
                {
                    Location = c.GetGeoPoint("location"),
                    RadiusKm = c.GetArgument<double?>("radiusKm") ?? DefaultRadiusKm,
                    Query = c.GetArgument<string?>("query") ?? "",
                    CategoryId = c.GetIdArgument("categoryId", CatalogArea.CategoryTypeName) ?? "",
                    PriceMin = c.GetArgument<decimal?>("priceMin")?.ToString(CultureInfo.InvariantCulture) ?? "",
                    PriceMax = c.GetArgument<decimal?>("priceMax")?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Sort = c.GetArgument<ProductSearchSort?>("sort") ?? ProductSearchSort.Unspecified,
                    Page = page.ToContract(),
                    InStockOnly = c.GetArgument<bool?>("inStockOnly") ?? false,
                    // Counting every match costs a second read of the radius: only when the query shows it.
                    IncludeTotalCount = SearchHydration.Selects(c, "totalCount"),
                    IncludeFacets = SearchHydration.Selects(c, "facets"),
                };
                // The contract reads first: 0 as "the default page size"; here it asks for an empty page (counts still apply).
                if (page.First == 0 && !request.IncludeTotalCount && !request.IncludeFacets)
                    return new NearbyProductConnection(Connection<NearbyProductHit>.From([], false, page, h => h.Key), null, null);
                if (page.First == 0)
                    request.Page.First = 1;
                var response = await CatalogArea.Search(c).ProductsNearAsync(request, cancellationToken: c.CancellationToken);
                Prime(c, response);
                if (page.First == 0)
                    return new NearbyProductConnection(Connection<NearbyProductHit>.From([], false, page, h => h.Key), response.TotalCount, response.Facets);
                var hits = await SearchHydration.HitsAsync(c, response.Products, c.CancellationToken);
                var connection = Connection<NearbyProductHit>.From(hits, response.PageInfo.HasNextPage, page, h => h.Key);
                // The end cursor is the last hit's position even if hydration left it out (archived a moment ago).
                if (response.Products.Count > 0)
                    connection = connection with { PageInfo = connection.PageInfo with { EndCursor = Cursor.Encode(response.Products[^1].Key) } };
                return new NearbyProductConnection(connection, response.HasTotalCount ? response.TotalCount : null, response.Facets);
            });

        query.Field<CatalogSearchReindexType>("catalogSearchReindexStatus")
            .Description("Administrators: a search rebuild's progress (catalogSearchReindexStart answers its id); null when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The rebuild's global id.")
            .RequireRoles(Roles.Admin)
            .ResolveAsync(async c =>
            {
                var request = new GetSearchReindexRequest { Id = c.GetIdArgument("id", CatalogArea.ReindexTypeName)! };
                return await ContractCalls.OrNullAsync(async () => await CatalogArea.Search(c).GetSearchReindexAsync(request, cancellationToken: c.CancellationToken));
            });
    }

    public IEnumerable<Type> AdditionalTypes => [typeof(CatalogSearchReindexType)];

    /// <summary>
    /// What the search already read need not be asked for again: the facets' categories (as GetCategories answers them),
    /// and — when the operation asks nothing of a store beyond its listing facts — the stores of the page and of the
    /// store facet (Catalog's copy; ACTIVE, so visible to everyone). Names on a results page then cost no call.
    /// </summary>
    private static void Prime(IResolveFieldContext context, ProductsNearResponse response)
    {
        if (response.Facets is { } facets)
            CatalogLoaders.PrimeCategories(context, facets.Categories.Select(v => v.Category).OfType<Category>());
        if (!SearchHydration.StoreFactsSuffice(context))
            return;
        var stores = response.Products.Select(SearchHydration.StoreOf)
            .Concat(response.Facets?.Stores.Select(SearchHydration.StoreOf) ?? []);
        CatalogLoaders.PrimeStores(context, stores.OfType<Modules.Sellers.Contracts.V1.Store>());
    }
}
