using System.Globalization;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Search;

namespace Marketplace.Modules.Catalog.Search.ProductsNear;

/// <summary>Runs the search (<see cref="ProductSearch"/>: one round trip, the category's path read by the statements themselves); an unknown category is UNKNOWN_CATEGORY.</summary>
internal sealed class ProductsNearHandler(ProductSearch search) : IQueryHandler<ProductsNearQuery, SearchPage>
{
    public async ValueTask<SearchPage> Handle(ProductsNearQuery query, CancellationToken cancellationToken)
    {
        Guid? categoryId = null;
        if (query.CategoryId.Length > 0)
            categoryId = Guid.TryParse(query.CategoryId, out var id) ? id : throw UnknownCategory();

        var size = Paging.Size(query.First, ProductSearch.DefaultPageSize, ProductSearch.MaxPageSize);
        var after = SearchKey.TryParse(query.After, out var key) ? key : null;
        var request = new SearchRequest(
            query.Location.Latitude, query.Location.Longitude, query.RadiusKm, query.Text, categoryId,
            Price(query.PriceMin), Price(query.PriceMax), query.Order, size, after, query.InStockOnly,
            (query.WithTotalCount ? SearchExtras.TotalCount : SearchExtras.None) | (query.WithFacets ? SearchExtras.Facets : SearchExtras.None));
        var result = await search.SearchAsync(request, cancellationToken);
        if (result.UnknownCategory)
            throw UnknownCategory();
        return new SearchPage(Paging.FromSlice(result.Hits, size), result.TotalCount, result.Facets);
    }

    private static Grpc.Core.RpcException UnknownCategory() =>
        ContractError.InvalidArgument(Codes.UnknownCategory, "No such category.", [new FieldViolation("categoryId", "No such category.", Codes.UnknownCategory)]);

    private static decimal? Price(string text) => text.Length == 0 ? null : decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
