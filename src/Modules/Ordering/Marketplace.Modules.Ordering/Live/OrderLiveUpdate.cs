using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Ordering.Domain;

namespace Marketplace.Modules.Ordering.Live;

/// <summary>
/// One item of a live stream: the stream is open (<see cref="Subscribed"/>), an order moved (<see cref="Change"/> with the
/// order as it is now), or a store's new order (<see cref="Order"/> alone).
/// </summary>
internal sealed record OrderLiveUpdate(Order? Order, OrderStatusChanged? Change)
{
    public static readonly OrderLiveUpdate Subscribed = new(null, null);

    public bool IsSubscribed => Order is null && Change is null;
}
