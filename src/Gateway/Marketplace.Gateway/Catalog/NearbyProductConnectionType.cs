using GraphQL.Types;
using Marketplace.Gateway.Relay;

namespace Marketplace.Gateway.Catalog;

/// <summary>The connection of <c>productsNear</c>: its edges carry the distance; totalCount and facets count every match.</summary>
internal sealed class NearbyProductConnectionType : ObjectGraphType<NearbyProductConnection>
{
    public NearbyProductConnectionType()
    {
        Name = "NearbyProductConnection";
        Description = "Products near a point, in the order asked for.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyProductEdgeType>>>>("edges").Description("The products with their distances and cursors.").Resolve(c => c.Source.Page.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("nodes").Description("The products alone.").Resolve(c => c.Source.Page.Edges.Select(e => e.Node.Product));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Description("Where this page is.").Resolve(c => c.Source.Page.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Every product matching the search (all pages), exact. Selecting it (or facets) reads every match within the radius once more.")
            .Resolve(c => (int)Math.Min(c.Source.TotalCount ?? 0, int.MaxValue));
        Field<NonNullGraphType<ProductSearchFacetsType>>("facets")
            .Description("Counts of the matches by category, store, price range and stock, for this very search (its filters applied); each adds up to totalCount.")
            .Resolve(c => c.Source.Facets ?? new Modules.Catalog.Contracts.V1.ProductSearchFacets());
    }
}
