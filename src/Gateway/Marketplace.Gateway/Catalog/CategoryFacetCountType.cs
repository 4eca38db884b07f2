using GraphQL.Types;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A category of the search's matches and how many are filed in it (not in its subcategories).</summary>
internal sealed class CategoryFacetCountType : ObjectGraphType<SearchFacetCount>
{
    public CategoryFacetCountType()
    {
        Name = "CategoryFacetCount";
        Description = "How many matches are filed in a category itself (a product counts in its own category only).";
        Field<CategoryType>("category").Description("The category (batched per request); null if it was deleted a moment ago.").Resolve(c => CatalogLoaders.Category(c, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("count").Description("Matches in it.").Resolve(c => (int)Math.Min(c.Source.Count, int.MaxValue));
    }
}
