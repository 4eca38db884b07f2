using Marketplace.Modules.Notifications.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Deliveries.GetDelivery;

internal sealed class GetDeliveryHandler(NotificationsDbContext db) : IQueryHandler<GetDeliveryQuery, DeliveryView?>
{
    public async ValueTask<DeliveryView?> Handle(GetDeliveryQuery query, CancellationToken cancellationToken) =>
        await db.Log(db.Deliveries.AsNoTracking().Where(d => d.Id == query.Id)).FirstOrDefaultAsync(cancellationToken);
}
