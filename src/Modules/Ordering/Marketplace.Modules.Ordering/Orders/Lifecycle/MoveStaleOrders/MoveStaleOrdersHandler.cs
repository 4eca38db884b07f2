using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.MoveStaleOrders;

/// <summary>
/// Claims the batch with <c>FOR UPDATE SKIP LOCKED</c>: an order a person is moving right now, or another host's run has
/// claimed, is skipped, never waited for, and the status is checked again under the lock (the query's snapshot may be
/// older than the row), so each order moves once however many hosts run the job.
/// </summary>
internal sealed class MoveStaleOrdersHandler(OrderingDbContext db, OrderTransitions transitions) : ICommandHandler<MoveStaleOrdersCommand, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(MoveStaleOrdersCommand command, CancellationToken cancellationToken)
    {
        var from = command.From.ToArray();
        var orders = await db.Orders.FromSql(
                $"SELECT * FROM ordering.orders WHERE status = ANY({from}) AND updated_at < {command.Before} ORDER BY updated_at LIMIT {command.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var moved = orders.Where(o => from.Contains(o.Status) && OrderLifecycle.Check(o.Status, command.To, ActorKinds.System, o.Fulfilment) is null).ToList();
        var counts = await transitions.HistoryCountsAsync(moved.Select(o => o.Id).ToList(), cancellationToken);
        foreach (var order in moved)
            transitions.Apply(order, command.To, ActorKinds.System, null, command.Reason, counts.GetValueOrDefault(order.Id));
        return moved.Select(o => o.Id).ToList();
    }
}
