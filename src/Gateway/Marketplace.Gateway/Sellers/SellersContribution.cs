using GraphQL;
using GraphQL.Types;
using Grpc.Core;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Sellers;

/// <summary>
/// Stores: registration by verified sellers (<c>storeCreate</c>), <c>store(id|slug)</c>, <c>storesNear</c> and the
/// seller's own <c>viewer.stores</c>. The Sellers module authorizes again from the caller in the call metadata and
/// shows buyers and anonymous callers ACTIVE stores only.
/// </summary>
internal sealed class SellersContribution : ISchemaContribution, IViewerExtension
{
    public const string StoreTypeName = "Store";

    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer) =>
        viewer.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("stores")
            .Description("Sellers: the stores you run, any status, oldest first.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => (await Contract(c).ListMyStoresAsync(new ListMyStoresRequest(), cancellationToken: c.CancellationToken)).Stores.ToList());

    public void ConfigureQuery(ObjectGraphType query)
    {
        query.Field<StoreType>("store")
            .Description("A store by id or slug (exactly one). Buyers and visitors see ACTIVE stores only; null otherwise.")
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>("slug")
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var id = c.GetArgument<string?>("id");
                var slug = c.GetArgument<string?>("slug");
                if ((id is null) == (slug is null))
                    throw new GatewayError(ErrorCodes.BadUserInput, "Give exactly one of 'id' and 'slug'.");
                var request = new GetStoreRequest { Slug = slug ?? "" };
                if (id is not null)
                {
                    if (!GlobalId.TryDecode(id, out var type, out var localId) || type != StoreTypeName)
                        return null;
                    request.Id = localId;
                }

                try
                {
                    return await Contract(c).GetStoreAsync(request, cancellationToken: c.CancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
                {
                    return null;
                }
            });

        query.Field<NonNullGraphType<NearbyStoreConnectionType>>("storesNear")
            .Description("ACTIVE stores within radiusKm of a point, nearest first; each edge carries distanceMeters.")
            .Argument<NonNullGraphType<GeoPointInputType>>("location")
            .Argument<FloatGraphType>("radiusKm", "Search radius in km, above 0 and at most 500; 10 when omitted.")
            .PageArguments()
            .AllowAnonymous()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                var point = c.GetArgument<Dictionary<string, object?>>("location");
                var request = new StoresNearRequest
                {
                    Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], System.Globalization.CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], System.Globalization.CultureInfo.InvariantCulture) },
                    RadiusKm = c.GetArgument<double?>("radiusKm") ?? 10,
                    First = page.First,
                    After = page.AfterKey ?? "",
                };
                StoresNearResponse response;
                try
                {
                    response = await Contract(c).StoresNearAsync(request, cancellationToken: c.CancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
                {
                    throw new GatewayError(ErrorCodes.BadUserInput, string.Join(" ", UserErrors.From(exception).Select(e => e.Message)));
                }

                var items = response.Stores.ToList();
                if (response.HasNextPage)
                    items.Add(new NearbyStore()); // FromSlice reads "first + 1 items" as "there is a next page"
                return Connection<NearbyStore>.FromSlice(items, page, i => i.Key);
            });
    }

    public void ConfigureMutation(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<StoreCreatePayloadType>>("storeCreate")
            .Description("Sellers with a verified email: opens a store (ACTIVE). The slug is generated from the name when omitted.")
            .Argument<NonNullGraphType<StoreCreateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var request = new CreateStoreRequest
                {
                    Name = input.Text("name"),
                    Slug = input.Text("slug"),
                    Description = input.Text("description"),
                    ContactEmail = input.Text("contactEmail"),
                    ContactPhone = input.Text("contactPhone"),
                    Address = input.Text("address"),
                    ServiceRadiusKm = Convert.ToDouble(input["serviceRadiusKm"], System.Globalization.CultureInfo.InvariantCulture),
                };
                if (input.TryGetValue("location", out var location) && location is IDictionary<string, object?> point)
                    request.Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], System.Globalization.CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], System.Globalization.CultureInfo.InvariantCulture) };
                return await UserErrors.CatchAsync(
                    async () => new StorePayload(await Contract(c).CreateStoreAsync(request, cancellationToken: c.CancellationToken), []),
                    errors => new StorePayload(null, errors));
            });

    public IEnumerable<Type> AdditionalTypes => [];

    private static SellersContract.SellersContractClient Contract(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<SellersContract.SellersContractClient>();
}

/// <summary><c>node(id:)</c> for stores: the same visibility as <c>store(id:)</c> (the module decides).</summary>
internal sealed class StoreNodeResolver : INodeResolver
{
    public string TypeName => SellersContribution.StoreTypeName;

    public Type ClrType => typeof(Store);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context)
    {
        try
        {
            return await context.RequestServices!.GetRequiredService<SellersContract.SellersContractClient>()
                .GetStoreAsync(new GetStoreRequest { Id = id }, cancellationToken: context.CancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}

internal sealed record StorePayload(Store? Store, IReadOnlyList<UserError> UserErrors);

internal sealed class StoreStatusType : EnumerationGraphType
{
    public StoreStatusType()
    {
        Name = "StoreStatus";
        Add("ACTIVE", "ACTIVE", "Open; visible to buyers.");
        Add("CLOSED", "CLOSED", "Closed by its seller.");
        Add("SUSPENDED", "SUSPENDED", "Suspended by an administrator.");
    }
}

internal sealed class StoreType : ObjectGraphType<Store>
{
    public StoreType(IEnumerable<IStoreExtension> extensions)
    {
        Name = SellersContribution.StoreTypeName;
        Description = "A seller's storefront.";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Store;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(SellersContribution.StoreTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Unique, URL-safe.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Resolve(c => c.Source.ContactEmail);
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Resolve(c => c.Source.ContactPhone);
        Field<NonNullGraphType<StringGraphType>>("address").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<GeoPointType>>("location").Resolve(c => new Modules.Users.Contracts.V1.GeoPoint { Latitude = c.Source.Location.Latitude, Longitude = c.Source.Location.Longitude });
        Field<NonNullGraphType<FloatGraphType>>("serviceRadiusKm").Description("How far from its location the store delivers.").Resolve(c => c.Source.ServiceRadiusKm);
        Field<NonNullGraphType<StoreStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("deliversTo")
            .Description("Whether the point lies within the store's service radius (geodesic distance).")
            .Argument<NonNullGraphType<GeoPointInputType>>("location")
            .ResolveAsync(async c =>
            {
                var point = c.GetArgument<Dictionary<string, object?>>("location");
                var request = new DeliversToRequest
                {
                    StoreId = c.Source.Id,
                    Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], System.Globalization.CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], System.Globalization.CultureInfo.InvariantCulture) },
                };
                try
                {
                    return (await c.RequestServices!.GetRequiredService<SellersContract.SellersContractClient>().DeliversToAsync(request, cancellationToken: c.CancellationToken)).Delivers;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
                {
                    throw new GatewayError(ErrorCodes.BadUserInput, string.Join(" ", UserErrors.From(exception).Select(e => e.Message)));
                }
            });
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => DateTimeOffset.Parse(c.Source.CreatedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal));
        foreach (var extension in extensions)
            extension.ConfigureStore(this);
    }
}

/// <summary>The connection of <c>storesNear</c>: its edges carry the distance.</summary>
internal sealed class NearbyStoreConnectionType : ObjectGraphType<Connection<NearbyStore>>
{
    public NearbyStoreConnectionType()
    {
        Name = "NearbyStoreConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NearbyStoreEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node.Store));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

/// <summary>The edge of <c>storesNear</c>: the store and how far it is from the searched point.</summary>
internal sealed class NearbyStoreEdgeType : ObjectGraphType<Edge<NearbyStore>>
{
    public NearbyStoreEdgeType()
    {
        Name = "NearbyStoreEdge";
        Field<NonNullGraphType<StoreType>>("node").Resolve(c => c.Source.Node.Store);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Geodesic distance (WGS 84) from the searched point.").Resolve(c => c.Source.Node.DistanceMeters);
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
    }
}

internal sealed class StoreCreateInputType : InputObjectGraphType
{
    public StoreCreateInputType()
    {
        Name = "StoreCreateInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("slug").Description("Lower-case letters, digits and hyphens; generated from the name when omitted.");
        Field<NonNullGraphType<StringGraphType>>("description");
        Field<NonNullGraphType<StringGraphType>>("contactEmail");
        Field<NonNullGraphType<StringGraphType>>("contactPhone");
        Field<NonNullGraphType<StringGraphType>>("address");
        Field<NonNullGraphType<GeoPointInputType>>("location");
        Field<NonNullGraphType<FloatGraphType>>("serviceRadiusKm").Description("Delivery radius, above 0 and at most 200 km.");
    }
}

internal sealed class StoreCreatePayloadType : ObjectGraphType<StorePayload>
{
    public StoreCreatePayloadType()
    {
        Name = "StoreCreatePayload";
        Field<StoreType>("store").Resolve(c => c.Source.Store);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
