using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Live.WatchStoreOrders;

/// <summary>
/// A store's new orders as they are placed, for the seller who runs it and administrators (NotFound STORE_NOT_FOUND for
/// anyone else, as for a store that does not exist). The first item is <see cref="OrderLiveUpdate.Subscribed"/>.
/// </summary>
internal sealed record WatchStoreOrdersQuery(Viewer Viewer, Guid StoreId) : IStreamQuery<OrderLiveUpdate>;
