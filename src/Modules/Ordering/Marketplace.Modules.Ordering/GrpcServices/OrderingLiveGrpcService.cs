using Grpc.Core;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Modules.Ordering.Live;
using Marketplace.Modules.Ordering.Live.WatchOrder;
using Marketplace.Modules.Ordering.Live.WatchStoreOrders;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>
/// The <c>OrderingLive</c> contract: the subscriptions are use cases (Mediator stream queries, which decide who may
/// watch); only the loop writing their items stays here. The stream ends when the caller goes away (its cancellation
/// ends the query, whose watch is then removed).
/// </summary>
internal sealed class OrderingLiveGrpcService(ISender mediator) : OrderingLive.OrderingLiveBase
{
    public override async Task WatchOrder(WatchOrderRequest request, IServerStreamWriter<OrderLiveEvent> responseStream, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        if (!Guid.TryParse(request.OrderId, out var orderId))
            throw ContractError.NotFound(Contracts.OrderingErrorCodes.OrderNotFound, "No such order.");
        await WriteAsync(mediator.CreateStream(new WatchOrderQuery(viewer, orderId), context.CancellationToken), responseStream, context);
    }

    public override async Task WatchStoreOrders(WatchStoreOrdersRequest request, IServerStreamWriter<OrderLiveEvent> responseStream, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        if (!Guid.TryParse(request.StoreId, out var storeId))
            throw ContractError.NotFound(Contracts.OrderingErrorCodes.StoreNotFound, "No such store.");
        await WriteAsync(mediator.CreateStream(new WatchStoreOrdersQuery(viewer, storeId), context.CancellationToken), responseStream, context);
    }

    private static async Task WriteAsync(IAsyncEnumerable<OrderLiveUpdate> updates, IServerStreamWriter<OrderLiveEvent> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var update in updates)
                await responseStream.WriteAsync(ToContract(update));
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The subscriber left.
        }
    }

    private static OrderLiveEvent ToContract(OrderLiveUpdate update)
    {
        if (update.IsSubscribed)
            return new OrderLiveEvent { Subscribed = new LiveSubscribed() };
        if (update.Change is not { } change)
            return new OrderLiveEvent { OrderPlaced = OrderingMapping.ToContract(update.Order!) };
        return new OrderLiveEvent
        {
            StatusChanged = new OrderStatusUpdate
            {
                Order = OrderingMapping.ToContract(update.Order!),
                From = change.From,
                To = change.To,
                Sequence = change.Sequence,
                ActorKind = change.ActorKind,
                Reason = change.Reason,
                ChangedAt = Timestamps.Format(change.ChangedAt),
            },
        };
    }
}
