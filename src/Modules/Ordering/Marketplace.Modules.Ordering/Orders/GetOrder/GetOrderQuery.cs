using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.GetOrder;

/// <summary>An order for its buyer, the seller of its store or an administrator; null for anyone else (nothing revealed).</summary>
internal sealed record GetOrderQuery(Viewer Viewer, Guid OrderId) : IQuery<Order?>;
