using System.Globalization;
using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Following;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.Contracts;

/// <summary>
/// The Sellers contract. Thin: checks who is calling (<see cref="CallContext.Current"/>), then delegates to
/// <see cref="StoreDirectory"/>, <see cref="StoreEditor"/> and <see cref="StoreFollows"/>. Buyers and anonymous callers
/// only ever see ACTIVE stores. Every store returned carries its followers count and whether the calling user follows
/// it, found with one query per response, so a page of stores costs no extra call per store.
/// </summary>
internal sealed class SellersContractService(StoreDirectory stores, StoreEditor editor, StoreFollows follows) : SellersContract.SellersContractBase
{
    public override async Task<V1.Store> CreateStore(CreateStoreRequest request, ServerCallContext context)
    {
        var sellerId = Seller();
        return await MapAsync(await stores.CreateAsync(sellerId, request, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> UpdateStore(UpdateStoreRequest request, ServerCallContext context)
    {
        var sellerId = Seller();
        return await MapAsync(await editor.UpdateAsync(sellerId, request, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> CloseStore(StoreIdRequest request, ServerCallContext context)
    {
        var sellerId = Seller();
        return await MapAsync(await editor.CloseAsync(sellerId, request.Id, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> ReopenStore(StoreIdRequest request, ServerCallContext context)
    {
        var sellerId = Seller();
        return await MapAsync(await editor.ReopenAsync(sellerId, request.Id, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> SuspendStore(SuspendStoreRequest request, ServerCallContext context)
    {
        Admin();
        return await MapAsync(await editor.SuspendAsync(request.Id, request.Reason, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> ReinstateStore(StoreIdRequest request, ServerCallContext context)
    {
        Admin();
        return await MapAsync(await editor.ReinstateAsync(request.Id, context.CancellationToken), context.CancellationToken);
    }

    public override async Task<V1.Store> GetStore(GetStoreRequest request, ServerCallContext context)
    {
        var store = await stores.FindAsync(request.Id, request.Slug, context.CancellationToken);
        if (store is null || !Visible(store))
            throw ContractError.NotFound("STORE_NOT_FOUND", "No such store.");
        return await MapAsync(store, context.CancellationToken);
    }

    public override async Task<GetStoresResponse> GetStores(GetStoresRequest request, ServerCallContext context)
    {
        var found = await stores.GetManyAsync(request.Ids, context.CancellationToken);
        return new GetStoresResponse { Stores = { await MapAsync(found.Where(Visible).ToList(), context.CancellationToken) } };
    }

    public override async Task<GetStoresResponse> ListMyStores(ListMyStoresRequest request, ServerCallContext context) =>
        new() { Stores = { await MapAsync(await stores.ListBySellerAsync(Seller(), context.CancellationToken), context.CancellationToken) } };

    public override async Task<IsStoreOwnerResponse> IsStoreOwner(IsStoreOwnerRequest request, ServerCallContext context)
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        var privileged = caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin);
        if (!privileged && caller.Id != request.SellerId)
            throw ContractError.PermissionDenied("NOT_YOURS", "Only the seller themselves may ask.");
        if (!Guid.TryParse(request.StoreId, out var storeId) || !Guid.TryParse(request.SellerId, out var sellerId))
            return new IsStoreOwnerResponse();
        return new IsStoreOwnerResponse { Owner = await stores.IsOwnerAsync(storeId, sellerId, context.CancellationToken) };
    }

    public override async Task<StoresNearResponse> StoresNear(StoresNearRequest request, ServerCallContext context)
    {
        var location = request.Location ?? new GeoPoint();
        var (items, hasNext) = await stores.NearAsync(location.Latitude, location.Longitude, request.RadiusKm, request.First, request.After, context.CancellationToken);
        var mapped = await MapAsync(items.Select(i => i.Store).ToList(), context.CancellationToken);
        return new StoresNearResponse
        {
            Stores = { items.Select((i, n) => new NearbyStore { Store = mapped[n], DistanceMeters = i.Distance, Key = StoreDirectory.KeyOf(i.Store.Id, i.Distance) }) },
            HasNextPage = hasNext,
        };
    }

    public override async Task<DeliversToResponse> DeliversTo(DeliversToRequest request, ServerCallContext context)
    {
        var location = request.Location ?? new GeoPoint();
        var store = Guid.TryParse(request.StoreId, out var storeId) ? await stores.FindAsync(request.StoreId, "", context.CancellationToken) : null;
        if (store is null || !Visible(store))
            throw ContractError.NotFound("STORE_NOT_FOUND", "No such store.");
        var answer = await stores.DeliversToAsync(storeId, location.Latitude, location.Longitude, context.CancellationToken)
            ?? throw ContractError.NotFound("STORE_NOT_FOUND", "No such store.");
        return new DeliversToResponse { Delivers = answer.Delivers, DistanceMeters = answer.Distance };
    }

    public override async Task<FollowStoreResponse> FollowStore(FollowStoreRequest request, ServerCallContext context)
    {
        var userId = SignedInUser();
        var (changed, store) = await follows.FollowAsync(userId, request.StoreId, context.CancellationToken);
        return new FollowStoreResponse { Changed = changed, Store = await MapAsync(store, context.CancellationToken) };
    }

    public override async Task<FollowStoreResponse> UnfollowStore(FollowStoreRequest request, ServerCallContext context)
    {
        var userId = SignedInUser();
        var (changed, store) = await follows.UnfollowAsync(userId, request.StoreId, context.CancellationToken);
        var response = new FollowStoreResponse { Changed = changed };
        if (Visible(store))
            response.Store = await MapAsync(store, context.CancellationToken);
        return response;
    }

    public override async Task<ListFollowedStoresResponse> ListFollowedStores(ListFollowedStoresRequest request, ServerCallContext context)
    {
        var userId = SignedInUser();
        var (items, hasNext) = await follows.ListAsync(userId, request.First, request.After, context.CancellationToken);
        var mapped = await MapAsync(items.Select(i => i.Store).ToList(), context.CancellationToken);
        return new ListFollowedStoresResponse
        {
            Stores = { items.Select((i, n) => new FollowedStore { Store = mapped[n], FollowedAt = Iso(i.FollowedAt), Key = i.Key }) },
            HasNextPage = hasNext,
        };
    }

    private static Guid Seller()
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (caller.Kind != CallerKind.User || !caller.IsInRole(Roles.Seller) || !Guid.TryParse(caller.Id, out var id))
            throw ContractError.PermissionDenied("SELLERS_ONLY", "Only sellers manage stores.");
        return id;
    }

    private static void Admin()
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (caller.Kind != CallerKind.User || !caller.IsInRole(Roles.Admin))
            throw ContractError.PermissionDenied("ADMINS_ONLY", "Only administrators suspend and reinstate stores.");
    }

    /// <summary>Any signed-in user (buyer, seller, administrator); modules do not follow stores.</summary>
    private static Guid SignedInUser()
    {
        var caller = CallContext.Current.Caller;
        if (caller.Kind != CallerKind.User || !Guid.TryParse(caller.Id, out var id))
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in to follow stores.");
        return id;
    }

    /// <summary>ACTIVE stores to everyone; others only to their owner, administrators and modules.</summary>
    private static bool Visible(StoreEntity store) => store.Status == StoreStatus.Active || Privileged(store);

    /// <summary>The owner, administrators and modules: they also see a store's suspension reason.</summary>
    private static bool Privileged(StoreEntity store)
    {
        var caller = CallContext.Current.Caller;
        return caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin) || caller.Id == store.SellerId.ToString();
    }

    private async Task<V1.Store> MapAsync(StoreEntity store, CancellationToken cancellationToken) =>
        (await MapAsync([store], cancellationToken))[0];

    private async Task<List<V1.Store>> MapAsync(IReadOnlyList<StoreEntity> list, CancellationToken cancellationToken)
    {
        var caller = CallContext.Current.Caller;
        var followed = caller.Kind == CallerKind.User && Guid.TryParse(caller.Id, out var userId)
            ? await follows.FollowedAmongAsync(userId, list.Select(s => s.Id).ToList(), cancellationToken)
            : [];
        return list.Select(s => ToContract(s, followed.Contains(s.Id))).ToList();
    }

    private static V1.Store ToContract(StoreEntity store, bool viewerIsFollowing)
    {
        var contract = new V1.Store
        {
            Id = store.Id.ToString(),
            SellerId = store.SellerId.ToString(),
            Name = store.Name,
            Slug = store.Slug,
            Description = store.Description,
            ContactEmail = store.ContactEmail,
            ContactPhone = store.ContactPhone,
            Address = store.Address,
            Location = new GeoPoint { Latitude = store.Location.Y, Longitude = store.Location.X },
            ServiceRadiusKm = store.ServiceRadiusKm,
            Status = store.Status,
            CreatedAt = Iso(store.CreatedAt),
            UpdatedAt = Iso(store.UpdatedAt),
            Version = store.Version,
            Categories = { store.Categories },
            OpeningHours = { store.OpeningHours.Select(h => new V1.OpeningInterval { Day = h.Day, Opens = h.Opens, Closes = h.Closes }) },
            Logo = store.Logo ?? "",
            Banner = store.Banner ?? "",
            FollowersCount = store.FollowersCount,
            ViewerIsFollowing = viewerIsFollowing,
        };
        if (store.SuspensionReason is not null && Privileged(store))
            contract.SuspensionReason = store.SuspensionReason;
        return contract;
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
