using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Deliveries;

/// <summary>A delivery log entry: the delivery and the template of its notification.</summary>
internal sealed record DeliveryView(Delivery Delivery, string Template);

/// <summary>Reading the delivery log, and the errors that go with it.</summary>
internal static class DeliveryRows
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <summary>The entries with their notifications' templates, newest first (ids are UUIDv7, so id order is time order).</summary>
    public static IQueryable<DeliveryView> Log(this NotificationsDbContext db, IQueryable<Delivery> deliveries) =>
        deliveries
            .Join(db.Notifications, d => d.NotificationId, n => n.Id, (d, n) => new { Delivery = d, n.Template })
            .OrderByDescending(r => r.Delivery.Id)
            .Select(r => new DeliveryView(r.Delivery, r.Template));

    public static Grpc.Core.RpcException NotFound() => ContractError.NotFound(NotificationsErrorCodes.DeliveryNotFound, "No such delivery.");

    /// <summary>A delivery id as text: anything that is not a UUID names no delivery.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var deliveryId) ? deliveryId : throw NotFound();
}
