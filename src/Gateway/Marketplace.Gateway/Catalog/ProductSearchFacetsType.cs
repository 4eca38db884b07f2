using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Catalog;

/// <summary>Facet counts of a search: each product is counted once in each list, so each list adds up to totalCount.</summary>
internal sealed class ProductSearchFacetsType : ObjectGraphType<ProductSearchFacets>
{
    /// <summary>Values listed per facet when the query does not say.</summary>
    public const int DefaultValues = 20;

    /// <summary>At most this many values per facet.</summary>
    public const int MaxValues = 100;

    public ProductSearchFacetsType()
    {
        Name = "ProductSearchFacets";
        Description = "How the matches of a search divide: by category (each product's own category), store, price range and stock.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryFacetCountType>>>>("categories")
            .Description($"Categories with matches, most first (ties by id); the first {DefaultValues} unless first says otherwise (at most {MaxValues}).")
            .Argument<IntGraphType>("first", $"How many categories to list, 0 to {MaxValues}.", a => a.DefaultValue = DefaultValues)
            .Resolve(c => c.Source.Categories.Take(First(c)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreFacetCountType>>>>("stores")
            .Description($"Stores with matches, most first (ties by id); the first {DefaultValues} unless first says otherwise (at most {MaxValues}).")
            .Argument<IntGraphType>("first", $"How many stores to list, 0 to {MaxValues}.", a => a.DefaultValue = DefaultValues)
            .Resolve(c => c.Source.Stores.Take(First(c)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PriceFacetBucketType>>>>("priceRanges")
            .Description("Fixed price ranges of the lowest variant price (below 10, 10–25, 25–50, 50–100, 100–250, 250–500, 500–1000, 1000 and above; amounts compared as numbers whatever the currency), cheapest first; only ranges with matches.")
            .Resolve(c => c.Source.Prices.ToList());
        Field<NonNullGraphType<IntGraphType>>("inStock").Description("Matches with a variant available for sale now.").Resolve(c => (int)Math.Min(c.Source.InStock, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("outOfStock").Description("Matches with no variant available for sale now.").Resolve(c => (int)Math.Min(c.Source.OutOfStock, int.MaxValue));
    }

    private static int First(IResolveFieldContext context)
    {
        var first = context.GetArgument<int?>("first") ?? DefaultValues;
        if (first is < 0 or > MaxValues)
            throw new InputError("first", CommonErrorCodes.OutOfRange, $"'first' must be between 0 and {MaxValues}.");
        return first;
    }
}
