using Marketplace.Modules.Ordering.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.GetOrderGroup;

internal sealed class GetOrderGroupHandler(OrderingDbContext db) : IQueryHandler<GetOrderGroupQuery, OrderGroupView?>
{
    public async ValueTask<OrderGroupView?> Handle(GetOrderGroupQuery query, CancellationToken cancellationToken)
    {
        var group = await db.OrderGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == query.GroupId, cancellationToken);
        if (group is null || !(query.Viewer.IsPrivileged || group.BuyerId == query.Viewer.UserId))
            return null;
        var orders = await db.Orders.AsNoTracking().Where(o => o.GroupId == group.Id).OrderBy(o => o.Number).ToListAsync(cancellationToken);
        return new OrderGroupView(group, orders);
    }
}
