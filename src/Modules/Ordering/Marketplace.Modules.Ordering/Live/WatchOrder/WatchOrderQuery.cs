using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Live.WatchOrder;

/// <summary>
/// An order's transitions as they happen, for its buyer, the seller of its store and administrators (NotFound
/// ORDER_NOT_FOUND for anyone else, as for an order that does not exist). The first item is
/// <see cref="OrderLiveUpdate.Subscribed"/>; it runs until cancelled.
/// </summary>
internal sealed record WatchOrderQuery(Viewer Viewer, Guid OrderId) : IStreamQuery<OrderLiveUpdate>;
