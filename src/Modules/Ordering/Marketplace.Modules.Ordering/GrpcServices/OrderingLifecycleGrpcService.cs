using Grpc.Core;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.V1;
using OrderAction = Marketplace.Modules.Ordering.Domain.OrderAction;
using Marketplace.Modules.Ordering.Orders.Lifecycle.GetOrderHistories;
using Marketplace.Modules.Ordering.Orders.Lifecycle.TransitionOrder;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>The <c>OrderingLifecycle</c> contract: who may move an order is decided by the use case (the order's own parties).</summary>
internal sealed class OrderingLifecycleGrpcService(ISender mediator) : OrderingLifecycle.OrderingLifecycleBase
{
    private const int MaxIds = 100;

    public override Task<Order> AcceptOrder(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.Accept, context);

    public override Task<Order> RejectOrder(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.Reject, context);

    public override Task<Order> MarkOrderReady(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.MarkReady, context);

    public override Task<Order> MarkOrderOutForDelivery(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.MarkOutForDelivery, context);

    public override Task<Order> MarkOrderDelivered(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.MarkDelivered, context);

    public override Task<Order> CancelOrder(OrderTransitionRequest request, ServerCallContext context) => MoveAsync(request, OrderAction.Cancel, context);

    public override async Task<GetOrderHistoriesResponse> GetOrderHistories(GetOrderHistoriesRequest request, ServerCallContext context)
    {
        var viewer = CallerRequirements.Viewer();
        if (request.OrderIds.Count > MaxIds)
        {
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.",
                [new FieldViolation("orderIds", $"At most {MaxIds} ids.", CommonErrorCodes.TooManyIds)]);
        }

        var ids = request.OrderIds.Select(id => Guid.TryParse(id, out var parsed) ? parsed : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        var histories = ids.Count == 0 ? new Dictionary<Guid, IReadOnlyList<Domain.OrderStatusChange>>() : await mediator.Send(new GetOrderHistoriesQuery(viewer, ids), context.CancellationToken);
        var response = new GetOrderHistoriesResponse();
        response.Histories.AddRange(histories.Select(h => OrderingMapping.ToContract(h.Key, h.Value)));
        return response;
    }

    private async Task<Order> MoveAsync(OrderTransitionRequest request, OrderAction action, ServerCallContext context)
    {
        var caller = CallerRequirements.SignedIn();
        var userId = CallerRequirements.User();
        if (!Guid.TryParse(request.OrderId, out var orderId))
            throw ContractError.NotFound(OrderingErrorCodes.OrderNotFound, "No such order.");
        var order = await mediator.Send(new TransitionOrderRequest(orderId, action, userId, caller.IsInRole(Roles.Admin), request.Reason), context.CancellationToken);
        return OrderingMapping.ToContract(order);
    }
}
