using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A page of <c>productsNear</c>, with the total and the facets when the query selected them.</summary>
internal sealed record NearbyProductConnection(Connection<NearbyProductHit> Page, long? TotalCount, ProductSearchFacets? Facets);
