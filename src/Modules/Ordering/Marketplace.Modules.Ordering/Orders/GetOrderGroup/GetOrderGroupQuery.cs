using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.GetOrderGroup;

/// <summary>An order group for its buyer or an administrator; null for anyone else (nothing revealed).</summary>
internal sealed record GetOrderGroupQuery(Viewer Viewer, Guid GroupId) : IQuery<OrderGroupView?>;
