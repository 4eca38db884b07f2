using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Orders.ListOrders;

internal sealed class ListOrdersHandler(OrderingDbContext db) : IQueryHandler<ListOrdersQuery, Page<Order>>
{
    public async ValueTask<Page<Order>> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, OrderingRules.DefaultPageSize, OrderingRules.MaxPageSize);
        var orders = db.Orders.AsNoTracking();
        if (query.StoreId is { } storeId)
        {
            orders = orders.Where(o => o.StoreId == storeId);
            if (!query.Viewer.IsPrivileged)
                orders = orders.Where(o => o.SellerId == query.Viewer.UserId);
        }
        else
        {
            orders = orders.Where(o => o.BuyerId == query.Viewer.UserId);
        }

        if (query.Status is { } status)
            orders = orders.Where(o => o.Status == status);
        if (query.After is { } after)
            orders = orders.Where(o => o.Id.CompareTo(after) < 0);
        var rows = await orders.OrderByDescending(o => o.Id).Take(size + 1).ToListAsync(cancellationToken);
        return Paging.FromSlice(rows, size);
    }
}
