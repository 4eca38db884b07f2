using GraphQL.Types;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A store of the search's matches and how many of them it sells.</summary>
internal sealed class StoreFacetCountType : ObjectGraphType<SearchFacetCount>
{
    public StoreFacetCountType()
    {
        Name = "StoreFacetCount";
        Description = "How many matches a store sells.";
        Field<StoreType>("store").Description("The store (batched with the page's stores); null when you may not see it.").Resolve(c => CatalogLoaders.Store(c, c.Source.Id));
        Field<NonNullGraphType<IntGraphType>>("count").Description("Its matches.").Resolve(c => (int)Math.Min(c.Source.Count, int.MaxValue));
    }
}
