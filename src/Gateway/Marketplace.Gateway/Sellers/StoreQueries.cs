using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary><c>store(id, slug)</c> and <c>storesNear</c>: buyers and visitors see ACTIVE stores only (the module decides).</summary>
internal sealed class StoreQueries : ISchemaContribution
{
    public const double DefaultRadiusKm = 10;

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<StoreType>("store")
            .Description("A store by id or slug (give exactly one). Buyers and visitors see ACTIVE stores only; null otherwise.")
            .Argument<IdGraphType>("id", "The store's global id.")
            .Argument<StringGraphType>("slug", "The store's slug, e.g. \"lisbon-bakery\".")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var id = c.GetIdArgument("id", SellersArea.StoreTypeName);
                var slug = c.GetArgument<string?>("slug");
                if ((id is null) == (slug is null))
                    throw new InputError("id", Marketplace.Shared.Contracts.CommonErrorCodes.Invalid, "Give exactly one of 'id' and 'slug'.");
                var request = new GetStoreRequest { Id = id ?? "", Slug = slug ?? "" };
                return await ContractCalls.OrNullAsync(async () => await SellersArea.Stores(c).GetStoreAsync(request, cancellationToken: c.CancellationToken));
            });

        query.Field<NonNullGraphType<NearbyStoreConnectionType>>("storesNear")
            .Description("ACTIVE stores within radiusKm of a point, nearest first; each edge carries distanceMeters.")
            .Argument<NonNullGraphType<GeoPointInputType>>("location", "Where to search from.")
            .Argument<FloatGraphType>("radiusKm", "Search radius in km, above 0 and at most 500.", a => a.DefaultValue = DefaultRadiusKm)
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var request = new StoresNearRequest
                {
                    Location = c.GetGeoPoint("location"),
                    RadiusKm = c.GetArgument<double?>("radiusKm") ?? DefaultRadiusKm,
                    Page = page.ToContract(),
                };
                var response = await SellersArea.Stores(c).StoresNearAsync(request, cancellationToken: c.CancellationToken);
                return Connection<NearbyStore>.From(response.Stores, response.PageInfo.HasNextPage, page, s => s.Key);
            });
    }
}
