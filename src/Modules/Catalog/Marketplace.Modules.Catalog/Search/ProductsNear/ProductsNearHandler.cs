using System.Globalization;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Search;

namespace Marketplace.Modules.Catalog.Search.ProductsNear;

/// <summary>Resolves the category to its path (its subtree matches), then runs the one search statement (<see cref="ProductSearch"/>).</summary>
internal sealed class ProductsNearHandler(CatalogDbContext db, ProductSearch search) : IQueryHandler<ProductsNearQuery, SearchPage>
{
    public async ValueTask<SearchPage> Handle(ProductsNearQuery query, CancellationToken cancellationToken)
    {
        string? categoryPath = null;
        if (query.CategoryId.Length > 0)
        {
            categoryPath = Guid.TryParse(query.CategoryId, out var id)
                ? await db.Categories.AsNoTracking().Where(c => c.Id == id).Select(c => c.Path).FirstOrDefaultAsync(cancellationToken)
                : null;
            if (categoryPath is null)
                throw ContractError.InvalidArgument(Codes.UnknownCategory, "No such category.", [new FieldViolation("categoryId", "No such category.", Codes.UnknownCategory)]);
        }

        var size = Paging.Size(query.First, ProductSearch.DefaultPageSize, ProductSearch.MaxPageSize);
        var after = SearchKey.TryParse(query.After, out var key) ? key : null;
        var request = new SearchRequest(
            query.Location.Latitude, query.Location.Longitude, query.RadiusKm, query.Text, categoryPath,
            Price(query.PriceMin), Price(query.PriceMax), query.Order, size, after, query.InStockOnly,
            (query.WithTotalCount ? SearchExtras.TotalCount : SearchExtras.None) | (query.WithFacets ? SearchExtras.Facets : SearchExtras.None));
        var result = await search.SearchAsync(request, cancellationToken);
        return new SearchPage(Paging.FromSlice(result.Hits, size), result.TotalCount, result.Facets);
    }

    private static decimal? Price(string text) => text.Length == 0 ? null : decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
