using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.ListOrders;

/// <summary>
/// A page of orders, newest first (keyset on the UUIDv7 id): a buyer's own (<paramref name="StoreId"/> null), or a store's
/// for its seller and administrators (another seller's store simply has none for them). Optional status filter.
/// </summary>
internal sealed record ListOrdersQuery(Viewer Viewer, Guid? StoreId, string? Status, int First, Guid? After) : IQuery<Page<Order>>;
