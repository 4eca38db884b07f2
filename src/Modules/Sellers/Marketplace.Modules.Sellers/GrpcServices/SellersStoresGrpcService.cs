using Grpc.Core;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Sellers.Following.FollowStore;
using Marketplace.Modules.Sellers.Following.ListFollowedStores;
using Marketplace.Modules.Sellers.Following.UnfollowStore;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Modules.Sellers.Stores.CloseStore;
using Marketplace.Modules.Sellers.Stores.CreateStore;
using Marketplace.Modules.Sellers.Stores.DeliversTo;
using Marketplace.Modules.Sellers.Stores.GetStore;
using Marketplace.Modules.Sellers.Stores.GetStores;
using Marketplace.Modules.Sellers.Stores.IsStoreOwner;
using Marketplace.Modules.Sellers.Stores.ListMyStores;
using Marketplace.Modules.Sellers.Stores.ReinstateStore;
using Marketplace.Modules.Sellers.Stores.ReopenStore;
using Marketplace.Modules.Sellers.Stores.StoresNear;
using Marketplace.Modules.Sellers.Stores.SuspendStore;
using Marketplace.Modules.Sellers.Stores.UpdateStore;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Sellers.GrpcServices;

/// <summary>
/// The <c>SellersStores</c> contract: each method checks who is calling, sends one use case and maps its result. Buyers
/// and anonymous callers only ever see ACTIVE stores (the queries decide from the <see cref="Viewer"/>).
/// </summary>
internal sealed class SellersStoresGrpcService(ISender mediator) : SellersStores.SellersStoresBase
{
    public override async Task<Store> CreateStore(CreateStoreRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(CreateStoreCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> UpdateStore(UpdateStoreRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(UpdateStoreCommand.From(sellerId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> CloseStore(StoreIdRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(new CloseStoreCommand(sellerId, StoreRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> ReopenStore(StoreIdRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return (await mediator.Send(new ReopenStoreCommand(sellerId, StoreRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> SuspendStore(SuspendStoreRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(new SuspendStoreCommand(adminId, StoreRows.ParseId(request.Id), request.Reason.Trim()), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> ReinstateStore(StoreIdRequest request, ServerCallContext context)
    {
        var adminId = CallerRequirements.Admin();
        return (await mediator.Send(new ReinstateStoreCommand(adminId, StoreRows.ParseId(request.Id)), context.CancellationToken)).ToContract();
    }

    public override async Task<Store> GetStore(GetStoreRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var store = await mediator.Send(new GetStoreQuery(request.Id, request.Slug, viewer), context.CancellationToken) ?? throw StoreRows.NotFound();
        return store.ToContract();
    }

    public override async Task<GetStoresResponse> GetStores(GetStoresRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        return new GetStoresResponse { Stores = { (await mediator.Send(new GetStoresQuery(request.Ids, viewer), context.CancellationToken)).ToContract() } };
    }

    public override async Task<GetStoresResponse> ListMyStores(ListMyStoresRequest request, ServerCallContext context)
    {
        var sellerId = CallerRequirements.Seller();
        return new GetStoresResponse { Stores = { (await mediator.Send(new ListMyStoresQuery(sellerId), context.CancellationToken)).ToContract() } };
    }

    public override async Task<IsStoreOwnerResponse> IsStoreOwner(IsStoreOwnerRequest request, ServerCallContext context)
    {
        if (Guid.TryParse(request.SellerId, out var sellerId))
            CallerRequirements.OwnerOrPrivileged(sellerId);
        else
            CallerRequirements.AdminOrService();
        return new IsStoreOwnerResponse { Owner = await mediator.Send(new IsStoreOwnerQuery(request.StoreId, request.SellerId), context.CancellationToken) };
    }

    public override async Task<StoresNearResponse> StoresNear(StoresNearRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var page = request.Page ?? new PageRequest();
        var query = new StoresNearQuery(StoreInput.Point(request.Location) ?? new(0, 0), request.RadiusKm, page.First, page.After, viewer);
        var result = await mediator.Send(query, context.CancellationToken);
        return new StoresNearResponse
        {
            Stores = { result.Items.Select(i => new NearbyStore { Store = i.Store.ToContract(), DistanceMeters = i.DistanceMeters, Key = i.Key }) },
            PageInfo = new PageInfo { HasNextPage = result.HasNextPage },
        };
    }

    public override async Task<DeliversToResponse> DeliversTo(DeliversToRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        var answer = await mediator.Send(new DeliversToQuery(request.StoreId, StoreInput.Point(request.Location) ?? new(0, 0), viewer), context.CancellationToken)
            ?? throw StoreRows.NotFound();
        return new DeliversToResponse { Delivers = answer.Delivers, DistanceMeters = answer.DistanceMeters };
    }

    public override async Task<FollowStoreResponse> FollowStore(FollowStoreRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return Map(await mediator.Send(new FollowStoreCommand(userId, StoreRows.ParseId(request.StoreId)), context.CancellationToken));
    }

    public override async Task<FollowStoreResponse> UnfollowStore(FollowStoreRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return Map(await mediator.Send(new UnfollowStoreCommand(userId, StoreRows.ParseId(request.StoreId)), context.CancellationToken));
    }

    public override async Task<ListFollowedStoresResponse> ListFollowedStores(ListFollowedStoresRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        var page = request.Page ?? new PageRequest();
        var result = await mediator.Send(new ListFollowedStoresQuery(userId, page.First, page.After), context.CancellationToken);
        return new ListFollowedStoresResponse
        {
            Stores = { result.Items.Select(i => new FollowedStore { Store = i.Store.ToContract(), FollowedAt = Timestamps.Format(i.FollowedAt), Key = i.Key }) },
            PageInfo = new PageInfo { HasNextPage = result.HasNextPage },
        };
    }

    private static FollowStoreResponse Map(FollowResult result)
    {
        var response = new FollowStoreResponse { Changed = result.Changed };
        if (result.Store is not null)
            response.Store = result.Store.ToContract();
        return response;
    }
}
