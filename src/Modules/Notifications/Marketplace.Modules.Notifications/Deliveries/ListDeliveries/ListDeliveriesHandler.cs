using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.UseCases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Deliveries.ListDeliveries;

internal sealed class ListDeliveriesHandler(NotificationsDbContext db) : IQueryHandler<ListDeliveriesQuery, Page<DeliveryView>>
{
    public async ValueTask<Page<DeliveryView>> Handle(ListDeliveriesQuery query, CancellationToken cancellationToken)
    {
        var size = Paging.Size(query.First, DeliveryRows.DefaultPageSize, DeliveryRows.MaxPageSize);
        var deliveries = db.Deliveries.AsNoTracking();
        if (WireNames.ParseState(query.State) is { } state)
            deliveries = deliveries.Where(d => d.State == state);
        if (Guid.TryParse(query.NotificationId, out var notificationId))
            deliveries = deliveries.Where(d => d.NotificationId == notificationId);
        if (Guid.TryParse(query.After, out var after))
            deliveries = deliveries.Where(d => d.Id.CompareTo(after) < 0);
        var rows = await db.Log(deliveries).Take(size + 1).ToListAsync(cancellationToken);
        return Paging.FromSlice(rows, size);
    }
}
