using GraphQL.Types;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class ProductSearchSortType : EnumerationGraphType
{
    public ProductSearchSortType()
    {
        Name = "ProductSearchSort";
        Description = "The order of productsNear; ties are broken by product, so pages never skip or repeat.";
        Add("DISTANCE", ProductSearchSort.Distance, "Nearest first (great-circle distance; ties by product).");
        Add("PRICE_ASC", ProductSearchSort.PriceAsc, "Lowest price first (the product's lowest variant price).");
        Add("PRICE_DESC", ProductSearchSort.PriceDesc, "Highest price first (the product's lowest variant price).");
        Add("NEWEST", ProductSearchSort.Newest, "Most recently published first.");
        Add("RELEVANCE", ProductSearchSort.Relevance, "Best text match first (needs a query): title over category names over description.");
    }
}
