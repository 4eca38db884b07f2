using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.GetOrderHistories;

internal sealed class GetOrderHistoriesHandler(OrderingDbContext db) : IQueryHandler<GetOrderHistoriesQuery, IReadOnlyDictionary<Guid, IReadOnlyList<OrderStatusChange>>>
{
    public async ValueTask<IReadOnlyDictionary<Guid, IReadOnlyList<OrderStatusChange>>> Handle(GetOrderHistoriesQuery query, CancellationToken cancellationToken)
    {
        var viewer = query.Viewer;
        var readable = db.Orders.Where(o => query.OrderIds.Contains(o.Id) && (viewer.IsPrivileged || o.BuyerId == viewer.UserId || o.SellerId == viewer.UserId)).Select(o => o.Id);
        var rows = await db.OrderStatusChanges.AsNoTracking().Where(h => readable.Contains(h.OrderId)).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        return rows.GroupBy(h => h.OrderId).ToDictionary(g => g.Key, g => (IReadOnlyList<OrderStatusChange>)g.ToList());
    }
}
