using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.TransitionOrder;

/// <summary>
/// A person moves an order (orderAccept, orderCancel, …): a request, not a command, because it is two steps by design —
/// the transition commits (<see cref="ChangeOrderStatus.ChangeOrderStatusCommand"/>: status, history, event and the side
/// effects to do), then the side effects run (payment, stock). A process that dies between the two leaves them pending,
/// and the effects job does them.
/// </summary>
internal sealed record TransitionOrderRequest(Guid OrderId, OrderAction Action, Guid UserId, bool IsAdmin, string? Reason) : IRequest<Order>;
