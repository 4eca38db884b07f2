using System.Globalization;
using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Shared.Contracts;
using StoreEntity = Marketplace.Modules.Sellers.Domain.Store;

namespace Marketplace.Modules.Sellers.Contracts;

/// <summary>
/// The Sellers contract. Thin: checks who is calling (<see cref="CallContext.Current"/>), then delegates to
/// <see cref="StoreDirectory"/>. Buyers and anonymous callers only ever see ACTIVE stores.
/// </summary>
internal sealed class SellersContractService(StoreDirectory stores) : SellersContract.SellersContractBase
{
    public override async Task<V1.Store> CreateStore(CreateStoreRequest request, ServerCallContext context)
    {
        var sellerId = Seller();
        return ToContract(await stores.CreateAsync(sellerId, request, context.CancellationToken));
    }

    public override async Task<V1.Store> GetStore(GetStoreRequest request, ServerCallContext context)
    {
        var store = await stores.FindAsync(request.Id, request.Slug, context.CancellationToken);
        if (store is null || !Visible(store))
            throw ContractError.NotFound("STORE_NOT_FOUND", "No such store.");
        return ToContract(store);
    }

    public override async Task<GetStoresResponse> GetStores(GetStoresRequest request, ServerCallContext context)
    {
        var found = await stores.GetManyAsync(request.Ids, context.CancellationToken);
        return new GetStoresResponse { Stores = { found.Where(Visible).Select(ToContract) } };
    }

    public override async Task<GetStoresResponse> ListMyStores(ListMyStoresRequest request, ServerCallContext context) =>
        new() { Stores = { (await stores.ListBySellerAsync(Seller(), context.CancellationToken)).Select(ToContract) } };

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
        return new StoresNearResponse
        {
            Stores = { items.Select(i => new NearbyStore { Store = ToContract(i.Store), DistanceMeters = i.Distance, Key = StoreDirectory.KeyOf(i.Store.Id, i.Distance) }) },
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

    private static Guid Seller()
    {
        var caller = CallContext.Current.Caller;
        if (!caller.IsAuthenticated)
            throw ContractError.Unauthenticated("SIGN_IN_REQUIRED", "Sign in first.");
        if (caller.Kind != CallerKind.User || !caller.IsInRole(Roles.Seller) || !Guid.TryParse(caller.Id, out var id))
            throw ContractError.PermissionDenied("SELLERS_ONLY", "Only sellers manage stores.");
        return id;
    }

    /// <summary>ACTIVE stores to everyone; others only to their owner, administrators and modules.</summary>
    private static bool Visible(StoreEntity store)
    {
        if (store.Status == StoreStatus.Active)
            return true;
        var caller = CallContext.Current.Caller;
        return caller.Kind == CallerKind.Service || caller.IsInRole(Roles.Admin) || caller.Id == store.SellerId.ToString();
    }

    internal static V1.Store ToContract(StoreEntity store) => new()
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
        CreatedAt = store.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    };
}
