using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.ChangeOrderStatus;

internal sealed class ChangeOrderStatusHandler(OrderingDbContext db, OrderTransitions transitions) : ICommandHandler<ChangeOrderStatusCommand, Order>
{
    public async ValueTask<Order> Handle(ChangeOrderStatusCommand command, CancellationToken cancellationToken)
    {
        // The row lock makes concurrent transitions of one order take turns: the second sees the first's status.
        var order = await db.Orders.FromSql($"SELECT * FROM ordering.orders WHERE id = {command.OrderId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        var actor = order is null ? null : ActorOf(order, command);
        if (order is null || actor is null)
            throw ContractError.NotFound(OrderingErrorCodes.OrderNotFound, "No such order (or not one you may change).");

        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason is null && (command.Action == OrderAction.Reject || actor == ActorKinds.Admin))
        {
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.",
                [new FieldViolation("reason", command.Action == OrderAction.Reject ? "Say why (the buyer sees it)." : "An administrator's cancellation needs a reason.", CommonErrorCodes.Required)]);
        }

        var to = OrderLifecycle.Target(command.Action, order.Fulfilment);
        if (OrderLifecycle.Check(order.Status, to, actor, order.Fulfilment) is { } refusal)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.InvalidTransition, refusal.Message);

        var counts = await transitions.HistoryCountsAsync([order.Id], cancellationToken);
        transitions.Apply(order, to, actor, command.UserId, reason, counts.GetValueOrDefault(order.Id));
        return order;
    }

    /// <summary>
    /// Who the caller is to this order, or null when they may not act on it (then it is ORDER_NOT_FOUND: nothing revealed).
    /// The seller's steps are the store's seller's alone; a cancellation is the buyer's, or an administrator's.
    /// </summary>
    private static string? ActorOf(Order order, ChangeOrderStatusCommand command) => command.Action switch
    {
        OrderAction.Cancel when order.BuyerId == command.UserId => ActorKinds.Buyer,
        OrderAction.Cancel when command.IsAdmin => ActorKinds.Admin,
        OrderAction.Cancel => null,
        _ when order.SellerId == command.UserId => ActorKinds.Seller,
        _ => null,
    };
}
