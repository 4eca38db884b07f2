using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.ChangeOrderStatus;

/// <summary>
/// One transaction: the order's row locked, the caller's right to act on it checked (the store's seller for the seller's
/// steps; the buyer or an administrator for a cancellation), the transition checked against the status it has now,
/// then written (<see cref="OrderTransitions"/>). Answers the order as it is after.
/// </summary>
internal sealed record ChangeOrderStatusCommand(Guid OrderId, OrderAction Action, Guid UserId, bool IsAdmin, string? Reason) : ICommand<Order>;
