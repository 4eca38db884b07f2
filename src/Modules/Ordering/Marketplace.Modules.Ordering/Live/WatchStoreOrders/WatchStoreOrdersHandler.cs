using System.Runtime.CompilerServices;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Orders.GetOrder;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Live.WatchStoreOrders;

/// <summary>
/// Watches first, then asks Sellers, as the caller, whether they run the store (administrators: whether it exists);
/// then sends each new order once, read as the caller.
/// </summary>
internal sealed class WatchStoreOrdersHandler(OrderLiveFeed feed, ISender mediator, SellersStores.SellersStoresClient sellers) : IStreamQueryHandler<WatchStoreOrdersQuery, OrderLiveUpdate>
{
    // Enough to drop a re-published copy of a recent order; an order's id arrives a second time only as such a copy.
    private const int RememberedOrders = 1024;

    public async IAsyncEnumerable<OrderLiveUpdate> Handle(WatchStoreOrdersQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.Viewer.UserId is null && !query.Viewer.IsPrivileged)
            throw NotFound();
        using var watch = await feed.WatchStoreAsync(query.StoreId, query.Viewer.UserId, cancellationToken);
        if (!await MayWatchAsync(query, cancellationToken))
            throw NotFound();
        yield return OrderLiveUpdate.Subscribed;

        var seen = new HashSet<Guid>();
        var remembered = new Queue<Guid>();
        await foreach (var integrationEvent in watch.Events.Reader.ReadAllAsync(cancellationToken))
        {
            if (integrationEvent is not OrderPlaced placed || !seen.Add(placed.OrderId))
                continue;
            remembered.Enqueue(placed.OrderId);
            if (remembered.Count > RememberedOrders)
                seen.Remove(remembered.Dequeue());
            // Null only if the order is not the caller's to see after all (then it is not sent).
            if (await mediator.Send(new GetOrderQuery(query.Viewer, placed.OrderId), cancellationToken) is { } placedOrder)
                yield return new OrderLiveUpdate(placedOrder, null);
        }
    }

    private async Task<bool> MayWatchAsync(WatchStoreOrdersQuery query, CancellationToken cancellationToken)
    {
        var storeId = query.StoreId.ToString();
        if (query.Viewer.IsPrivileged)
            return (await sellers.GetStoresAsync(new GetStoresRequest { Ids = { storeId } }, cancellationToken: cancellationToken)).Stores.Count == 1;
        var answer = await sellers.IsStoreOwnerAsync(new IsStoreOwnerRequest { StoreId = storeId, SellerId = query.Viewer.UserId.ToString() }, cancellationToken: cancellationToken);
        return answer.Owner;
    }

    private static Grpc.Core.RpcException NotFound() => ContractError.NotFound(OrderingErrorCodes.StoreNotFound, "No such store.");
}
