using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts.V1;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Notifications.Deliveries.ListDeliveries;

/// <summary>
/// The delivery log, newest first, a page at a time: optionally only one state (<c>SENT</c>, …) or one notification's
/// deliveries. The key of an entry is its id.
/// </summary>
internal sealed record ListDeliveriesQuery(int First, string After, string State, string NotificationId) : IQuery<Page<DeliveryView>>
{
    public static ListDeliveriesQuery From(ListDeliveriesRequest request)
    {
        var page = request.Page ?? new PageRequest();
        return new(page.First, page.After, request.State.Trim().ToUpperInvariant(), request.NotificationId.Trim());
    }
}
