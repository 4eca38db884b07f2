using System.Globalization;
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

    public void ConfigureViewer(ObjectGraphType<ViewerSource> viewer)
    {
        viewer.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("stores")
            .Description("Sellers: the stores you run, any status, oldest first.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => (await Contract(c).ListMyStoresAsync(new ListMyStoresRequest(), cancellationToken: c.CancellationToken)).Stores.ToList());

        viewer.Field<NonNullGraphType<FollowedStoreConnectionType>>("followedStores")
            .Description("The ACTIVE stores you follow, newest follow first. Follows of stores that close stay and show again when they reopen.")
            .PageArguments()
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var page = c.GetPageRequest();
                ListFollowedStoresResponse response;
                try
                {
                    response = await Contract(c).ListFollowedStoresAsync(new ListFollowedStoresRequest { First = page.First, After = page.AfterKey ?? "" }, cancellationToken: c.CancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
                {
                    throw new GatewayError(ErrorCodes.BadUserInput, string.Join(" ", UserErrors.From(exception).Select(e => e.Message)));
                }

                var items = response.Stores.ToList();
                if (response.HasNextPage)
                    items.Add(new FollowedStore()); // FromSlice reads "first + 1 items" as "there is a next page"
                return Connection<FollowedStore>.FromSlice(items, page, i => i.Key);
            });
    }

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
                    Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], CultureInfo.InvariantCulture) },
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

    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<StorePayloadType<StoreCreate>>>("storeCreate")
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
                    ServiceRadiusKm = Convert.ToDouble(input["serviceRadiusKm"], CultureInfo.InvariantCulture),
                    Logo = input.Text("logo"),
                    Banner = input.Text("banner"),
                };
                if (Point(input, "location") is { } location)
                    request.Location = location;
                request.Categories.AddRange(Strings(input, "categories") ?? []);
                request.OpeningHours.AddRange(Intervals(input, "openingHours") ?? []);
                return await UserErrors.CatchAsync(
                    async () => new StorePayload(await Contract(c).CreateStoreAsync(request, cancellationToken: c.CancellationToken), []),
                    errors => new StorePayload(null, errors));
            });

        mutation.Field<NonNullGraphType<StorePayloadType<StoreUpdate>>>("storeUpdate")
            .Description("The store's seller changes some of its fields. Absent fields stay as they are; null or empty clears "
                + "description, categories, openingHours, logo and banner, and leaves the fields that cannot be empty unchanged. "
                + "Another seller's store: FORBIDDEN.")
            .Argument<NonNullGraphType<StoreUpdateInputType>>("input")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var request = new UpdateStoreRequest { Id = LocalStoreId(input["id"]) };
                if (Given(input, "name") is { } name)
                    request.Name = name;
                if (Given(input, "slug") is { } slug)
                    request.Slug = slug;
                if (Given(input, "contactEmail") is { } email)
                    request.ContactEmail = email;
                if (Given(input, "contactPhone") is { } phone)
                    request.ContactPhone = phone;
                if (Given(input, "address") is { } address)
                    request.Address = address;
                if (Point(input, "location") is { } location)
                    request.Location = location;
                if (input.TryGetValue("serviceRadiusKm", out var radius) && radius is not null)
                    request.ServiceRadiusKm = Convert.ToDouble(radius, CultureInfo.InvariantCulture);
                if (input.ContainsKey("description"))
                    request.Description = input.Text("description");
                if (input.ContainsKey("logo"))
                    request.Logo = input.Text("logo");
                if (input.ContainsKey("banner"))
                    request.Banner = input.Text("banner");
                if (input.ContainsKey("categories"))
                    request.Categories = new CategoryList { Values = { Strings(input, "categories") ?? [] } };
                if (input.ContainsKey("openingHours"))
                    request.OpeningHours = new OpeningHours { Intervals = { Intervals(input, "openingHours") ?? [] } };
                if (input.TryGetValue("expectedVersion", out var expected) && expected is not null)
                    request.ExpectedVersion = Convert.ToInt64(expected, CultureInfo.InvariantCulture);
                return await StoreChangeAsync(async () => await Contract(c).UpdateStoreAsync(request, cancellationToken: c.CancellationToken));
            });

        StatusMutation<StoreClose>(mutation, "storeClose", "The store's seller closes it: CLOSED stores are hidden from buyers and searches. Closing a closed store changes nothing.",
            Roles.Seller, (contract, input, ct) => contract.CloseStoreAsync(new StoreIdRequest { Id = LocalStoreId(input["id"]) }, cancellationToken: ct).ResponseAsync);
        StatusMutation<StoreReopen>(mutation, "storeReopen", "The store's seller reopens a CLOSED store (ACTIVE again). A suspended store cannot be reopened by its seller (STORE_SUSPENDED).",
            Roles.Seller, (contract, input, ct) => contract.ReopenStoreAsync(new StoreIdRequest { Id = LocalStoreId(input["id"]) }, cancellationToken: ct).ResponseAsync);
        StatusMutation<StoreSuspend>(mutation, "storeSuspend", "Administrators: suspends a store with a reason; hidden from buyers until reinstated.",
            Roles.Admin, (contract, input, ct) => contract.SuspendStoreAsync(new SuspendStoreRequest { Id = LocalStoreId(input["id"]), Reason = input.Text("reason") }, cancellationToken: ct).ResponseAsync);
        StatusMutation<StoreReinstate>(mutation, "storeReinstate", "Administrators: lifts a suspension; the store returns to the status it had before it (ACTIVE or CLOSED).",
            Roles.Admin, (contract, input, ct) => contract.ReinstateStoreAsync(new StoreIdRequest { Id = LocalStoreId(input["id"]) }, cancellationToken: ct).ResponseAsync);

        mutation.Field<NonNullGraphType<StorePayloadType<StoreFollow>>>("storeFollow")
            .Description("Follow an ACTIVE store. Following it again changes nothing.")
            .Argument<NonNullGraphType<StoreFollowInputType<StoreFollow>>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await StoreChangeAsync(
                    async () => (await Contract(c).FollowStoreAsync(new FollowStoreRequest { StoreId = LocalStoreId(input["storeId"]) }, cancellationToken: c.CancellationToken)).Store,
                    "storeId");
            });

        mutation.Field<NonNullGraphType<StorePayloadType<StoreUnfollow>>>("storeUnfollow")
            .Description("Stop following a store (whatever its status). Unfollowing again changes nothing. The payload's store is null when you may not see it.")
            .Argument<NonNullGraphType<StoreFollowInputType<StoreUnfollow>>>("input")
            .RequireSignedIn()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await StoreChangeAsync(
                    async () => (await Contract(c).UnfollowStoreAsync(new FollowStoreRequest { StoreId = LocalStoreId(input["storeId"]) }, cancellationToken: c.CancellationToken)).Store,
                    "storeId");
            });
    }

    public IEnumerable<Type> AdditionalTypes => [];

    private static SellersContract.SellersContractClient Contract(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<SellersContract.SellersContractClient>();

    private static void StatusMutation<TMutation>(ObjectGraphType mutation, string name, string description, string role,
        Func<SellersContract.SellersContractClient, Dictionary<string, object?>, CancellationToken, Task<Store>> call)
        where TMutation : IStoreMutation =>
        mutation.Field<NonNullGraphType<StorePayloadType<TMutation>>>(name)
            .Description(description)
            .Argument<NonNullGraphType<StoreStatusInputType<TMutation>>>("input")
            .RequireRoles(role)
            .ResolveAsync(async c => await StoreChangeAsync(async () => await call(Contract(c), c.GetArgument<Dictionary<string, object?>>("input"), c.CancellationToken)));

    /// <summary>
    /// A mutation of one store: field violations and broken rules become userErrors, and so does an unknown store
    /// (<c>STORE_NOT_FOUND</c> on the id field). Another seller's store stays a top-level FORBIDDEN.
    /// </summary>
    private static Task<StorePayload> StoreChangeAsync(Func<Task<Store?>> call, string idField = "id") =>
        UserErrors.CatchAsync(
            async () =>
            {
                try
                {
                    return new StorePayload(await call(), []);
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
                {
                    return new StorePayload(null, [new UserError(["input", idField], exception.Reason() ?? "STORE_NOT_FOUND", exception.Status.Detail)]);
                }
            },
            errors => new StorePayload(null, errors));

    /// <summary>The store's own id from its global id; anything else becomes an id no store has (STORE_NOT_FOUND).</summary>
    private static string LocalStoreId(object? globalId) =>
        GlobalId.TryDecode(globalId?.ToString(), out var type, out var id) && type == StoreTypeName ? id : "";

    /// <summary>A field given with a value; null for absent or null (the fields that cannot be cleared stay as they are).</summary>
    private static string? Given(Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;

    private static GeoPoint? Point(Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IDictionary<string, object?> point
            ? new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], CultureInfo.InvariantCulture) }
            : null;

    private static List<string>? Strings(Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IEnumerable<object?> list ? list.Select(v => v?.ToString() ?? "").ToList() : null;

    private static List<OpeningInterval>? Intervals(Dictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var value) && value is IEnumerable<object?> list
            ? list.OfType<IDictionary<string, object?>>()
                .Select(i => new OpeningInterval { Day = i.Text("day"), Opens = i.Text("opens"), Closes = i.Text("closes") })
                .ToList()
            : null;
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

/// <summary>Names a store mutation's input and payload types (<c>StoreCloseInput</c>, <c>StoreClosePayload</c>).</summary>
internal interface IStoreMutation
{
    static abstract string TypePrefix { get; }
}

internal sealed class StoreCreate : IStoreMutation
{
    public static string TypePrefix => "StoreCreate";
}

internal sealed class StoreUpdate : IStoreMutation
{
    public static string TypePrefix => "StoreUpdate";
}

internal sealed class StoreClose : IStoreMutation
{
    public static string TypePrefix => "StoreClose";
}

internal sealed class StoreReopen : IStoreMutation
{
    public static string TypePrefix => "StoreReopen";
}

internal sealed class StoreSuspend : IStoreMutation
{
    public static string TypePrefix => "StoreSuspend";
}

internal sealed class StoreReinstate : IStoreMutation
{
    public static string TypePrefix => "StoreReinstate";
}

internal sealed class StoreFollow : IStoreMutation
{
    public static string TypePrefix => "StoreFollow";
}

internal sealed class StoreUnfollow : IStoreMutation
{
    public static string TypePrefix => "StoreUnfollow";
}

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
        Field<StringGraphType>("suspensionReason")
            .Description("Why an administrator suspended the store; only for its seller and administrators, null otherwise.")
            .Resolve(c => string.IsNullOrEmpty(c.Source.SuspensionReason) ? null : c.Source.SuspensionReason);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("categories")
            .Description("Up to 5 lower-case tags the seller chose, e.g. \"bakery\" (not the product taxonomy).")
            .Resolve(c => c.Source.Categories);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OpeningIntervalType>>>>("openingHours")
            .Description("Opening intervals by weekday, sorted; empty when the seller publishes none.")
            .Resolve(c => c.Source.OpeningHours);
        Field<MediaReferenceType>("logo").Resolve(c => MediaReferenceType.FromStored(c.Source.Logo));
        Field<MediaReferenceType>("banner").Resolve(c => MediaReferenceType.FromStored(c.Source.Banner));
        Field<NonNullGraphType<IntGraphType>>("followersCount").Description("How many users follow the store (who they are is never shown).").Resolve(c => (int)Math.Min(c.Source.FollowersCount, int.MaxValue));
        Field<NonNullGraphType<BooleanGraphType>>("viewerIsFollowing").Description("Whether you follow the store; false when not signed in.").Resolve(c => c.Source.ViewerIsFollowing);
        Field<NonNullGraphType<IntGraphType>>("version")
            .Description("1 when created, one more with every change; give it as storeUpdate's expectedVersion to refuse overwriting someone else's edit.")
            .Resolve(c => (int)Math.Min(c.Source.Version, int.MaxValue));
        Field<NonNullGraphType<BooleanGraphType>>("deliversTo")
            .Description("Whether the point lies within the store's service radius (geodesic distance).")
            .Argument<NonNullGraphType<GeoPointInputType>>("location")
            .ResolveAsync(async c =>
            {
                var point = c.GetArgument<Dictionary<string, object?>>("location");
                var request = new DeliversToRequest
                {
                    StoreId = c.Source.Id,
                    Location = new GeoPoint { Latitude = Convert.ToDouble(point["latitude"], CultureInfo.InvariantCulture), Longitude = Convert.ToDouble(point["longitude"], CultureInfo.InvariantCulture) },
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
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => DateTimeOffset.Parse(c.Source.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Resolve(c => DateTimeOffset.Parse(c.Source.UpdatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        foreach (var extension in extensions)
            extension.ConfigureStore(this);
    }
}

internal sealed class WeekdayType : EnumerationGraphType
{
    public WeekdayType()
    {
        Name = "Weekday";
        foreach (var day in new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" })
            Add(day, day);
    }
}

internal sealed class OpeningIntervalType : ObjectGraphType<OpeningInterval>
{
    public OpeningIntervalType()
    {
        Name = "OpeningInterval";
        Description = "The store is open on this weekday from opens to closes (local time of the store, 24-hour HH:mm).";
        Field<NonNullGraphType<WeekdayType>>("day").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<StringGraphType>>("opens").Resolve(c => c.Source.Opens);
        Field<NonNullGraphType<StringGraphType>>("closes").Description("\"24:00\" means midnight at the end of the day.").Resolve(c => c.Source.Closes);
    }
}

internal sealed class OpeningIntervalInputType : InputObjectGraphType
{
    public OpeningIntervalInputType()
    {
        Name = "OpeningIntervalInput";
        Field<NonNullGraphType<WeekdayType>>("day");
        Field<NonNullGraphType<StringGraphType>>("opens").Description("HH:mm, 24-hour, e.g. \"09:00\".");
        Field<NonNullGraphType<StringGraphType>>("closes").Description("HH:mm after opens, the same day; \"24:00\" for midnight.");
    }
}

/// <summary>The connection of <c>viewer.followedStores</c>: its edges carry when the follow began.</summary>
internal sealed class FollowedStoreConnectionType : ObjectGraphType<Connection<FollowedStore>>
{
    public FollowedStoreConnectionType()
    {
        Name = "FollowedStoreConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FollowedStoreEdgeType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StoreType>>>>("nodes").Resolve(c => c.Source.Edges.Select(e => e.Node.Store));
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => c.Source.PageInfo);
    }
}

internal sealed class FollowedStoreEdgeType : ObjectGraphType<Edge<FollowedStore>>
{
    public FollowedStoreEdgeType()
    {
        Name = "FollowedStoreEdge";
        Field<NonNullGraphType<StoreType>>("node").Resolve(c => c.Source.Node.Store);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("followedAt").Resolve(c => DateTimeOffset.Parse(c.Source.Node.FollowedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
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
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("categories").Description("Up to 5 tags: 2–30 lower-case letters, digits and single hyphens, each once.");
        Field<ListGraphType<NonNullGraphType<OpeningIntervalInputType>>>("openingHours").Description("Up to 28 intervals; opens before closes, no overlaps within a day.");
        Field<StringGraphType>("logo").Description("A Media asset id or an https:// URL.");
        Field<StringGraphType>("banner").Description("A Media asset id or an https:// URL.");
    }
}

internal sealed class StoreUpdateInputType : InputObjectGraphType
{
    public StoreUpdateInputType()
    {
        Name = "StoreUpdateInput";
        Description = "Only the fields given change. Null or empty clears description, categories, openingHours, logo and banner; "
            + "for the other fields null means unchanged (they cannot be empty).";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<StringGraphType>("slug").Description("A new slug (checked for uniqueness); the old one stops resolving.");
        Field<StringGraphType>("description");
        Field<StringGraphType>("contactEmail");
        Field<StringGraphType>("contactPhone");
        Field<StringGraphType>("address");
        Field<GeoPointInputType>("location");
        Field<FloatGraphType>("serviceRadiusKm");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("categories");
        Field<ListGraphType<NonNullGraphType<OpeningIntervalInputType>>>("openingHours");
        Field<StringGraphType>("logo");
        Field<StringGraphType>("banner");
        Field<IntGraphType>("expectedVersion").Description("Apply only if the store is still at this version (else VERSION_CONFLICT).");
    }
}

/// <summary><c>StoreCloseInput</c> and its siblings: the store's id (and a reason for a suspension).</summary>
internal sealed class StoreStatusInputType<TMutation> : InputObjectGraphType
    where TMutation : IStoreMutation
{
    public StoreStatusInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Field<NonNullGraphType<IdGraphType>>("id");
        if (typeof(TMutation) == typeof(StoreSuspend))
            Field<NonNullGraphType<StringGraphType>>("reason").Description("Shown to the store's seller; at most 500 characters.");
    }
}

internal sealed class StoreFollowInputType<TMutation> : InputObjectGraphType
    where TMutation : IStoreMutation
{
    public StoreFollowInputType()
    {
        Name = TMutation.TypePrefix + "Input";
        Field<NonNullGraphType<IdGraphType>>("storeId");
    }
}

/// <summary><c>StoreCreatePayload</c>, <c>StoreUpdatePayload</c>, …: the store after the change, or userErrors.</summary>
internal sealed class StorePayloadType<TMutation> : ObjectGraphType<StorePayload>
    where TMutation : IStoreMutation
{
    public StorePayloadType()
    {
        Name = TMutation.TypePrefix + "Payload";
        Field<StoreType>("store").Resolve(c => c.Source.Store);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
