using Marketplace.Modules.Ordering.Checkouts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders.Lifecycle.ChangeOrderStatus;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.TransitionOrder;

internal sealed class TransitionOrderHandler(ISender mediator, OrderEffectRunner effects, CrashPoints crashPoints) : IRequestHandler<TransitionOrderRequest, Order>
{
    public async ValueTask<Order> Handle(TransitionOrderRequest request, CancellationToken cancellationToken)
    {
        var order = await mediator.Send(new ChangeOrderStatusCommand(request.OrderId, request.Action, request.UserId, request.IsAdmin, request.Reason), cancellationToken);
        crashPoints.Reached(CrashPoints.TransitionCommitted);
        // Committed: the side effects must not be cut short by the client going away (the job would finish them later).
        await effects.RunForOrdersAsync([order.Id], CancellationToken.None);
        return order;
    }
}
