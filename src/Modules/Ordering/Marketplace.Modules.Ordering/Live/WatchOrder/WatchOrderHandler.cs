using System.Runtime.CompilerServices;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Orders.GetOrder;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Live.WatchOrder;

/// <summary>
/// Watches first, then checks who asks (so no transition falls between the check and the watch), then sends each
/// transition once (an event may arrive twice: a relay's re-publish, a copy under another id) with the order read again
/// as the caller, which also ends the stream should the caller no longer be allowed to see it.
/// </summary>
internal sealed class WatchOrderHandler(OrderLiveFeed feed, ISender mediator) : IStreamQueryHandler<WatchOrderQuery, OrderLiveUpdate>
{
    public async IAsyncEnumerable<OrderLiveUpdate> Handle(WatchOrderQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query.Viewer.UserId is null && !query.Viewer.IsPrivileged)
            throw NotFound();
        using var watch = await feed.WatchOrderAsync(query.OrderId, query.Viewer.UserId, cancellationToken);
        if (await mediator.Send(new GetOrderQuery(query.Viewer, query.OrderId), cancellationToken) is null)
            throw NotFound();
        yield return OrderLiveUpdate.Subscribed;

        var seen = new HashSet<int>();
        await foreach (var integrationEvent in watch.Events.Reader.ReadAllAsync(cancellationToken))
        {
            if (integrationEvent is not OrderStatusChanged change || !seen.Add(change.Sequence))
                continue;
            var order = await mediator.Send(new GetOrderQuery(query.Viewer, query.OrderId), cancellationToken) ?? throw NotFound();
            yield return new OrderLiveUpdate(order, change);
        }
    }

    private static Grpc.Core.RpcException NotFound() => ContractError.NotFound(OrderingErrorCodes.OrderNotFound, "No such order.");
}
