using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.GetOrderHistories;

/// <summary>
/// The status history of the orders <paramref name="Viewer"/> may read (its buyer, its store's seller, privileged), oldest
/// first, in one query; orders they may not read are simply absent.
/// </summary>
internal sealed record GetOrderHistoriesQuery(Viewer Viewer, IReadOnlyList<Guid> OrderIds) : IQuery<IReadOnlyDictionary<Guid, IReadOnlyList<OrderStatusChange>>>;
