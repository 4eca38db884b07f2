using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Catalog.Search.ProductsNear;

/// <summary>
/// Searchable products within <see cref="RadiusKm"/> of a point, optionally matching a text, a category subtree and a
/// price range (decimal texts, empty = unbounded), in <see cref="Sort"/> order (null: RELEVANCE with a text, else
/// DISTANCE), a page at a time.
/// </summary>
internal sealed record ProductsNearQuery(
    Coordinates Location,
    double RadiusKm,
    string? Text,
    string CategoryId,
    string PriceMin,
    string PriceMax,
    SearchSort? Sort,
    int First,
    string After,
    bool InStockOnly = false,
    bool WithTotalCount = false,
    bool WithFacets = false) : IQuery<SearchPage>
{
    public SearchSort Order => Sort ?? (Text is null ? SearchSort.Distance : SearchSort.Relevance);

    public static ProductsNearQuery From(ProductsNearRequest request)
    {
        var page = request.Page ?? new Marketplace.Shared.Contracts.V1.PageRequest();
        return new ProductsNearQuery(
            request.Location is { } point ? new Coordinates(point.Latitude, point.Longitude) : new Coordinates(double.NaN, double.NaN),
            request.RadiusKm,
            string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim(),
            request.CategoryId.Trim(),
            request.PriceMin.Trim(),
            request.PriceMax.Trim(),
            request.Sort switch
            {
                ProductSearchSort.Distance => SearchSort.Distance,
                ProductSearchSort.PriceAsc => SearchSort.PriceAsc,
                ProductSearchSort.PriceDesc => SearchSort.PriceDesc,
                ProductSearchSort.Newest => SearchSort.Newest,
                ProductSearchSort.Relevance => SearchSort.Relevance,
                _ => null,
            },
            page.First,
            page.After,
            request.InStockOnly,
            request.IncludeTotalCount,
            request.IncludeFacets);
    }
}

/// <summary>A page of hits, and the total and facets when asked.</summary>
internal sealed record SearchPage(Page<SearchHit> Page, long? TotalCount, SearchFacets? Facets);
