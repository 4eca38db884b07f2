using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.GetOrder;

internal sealed class GetOrderHandler(OrderingDbContext db) : IQueryHandler<GetOrderQuery, Order?>
{
    public async ValueTask<Order?> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == query.OrderId, cancellationToken);
        return order is not null && (query.Viewer.IsPrivileged || order.BuyerId == query.Viewer.UserId || order.SellerId == query.Viewer.UserId) ? order : null;
    }
}
