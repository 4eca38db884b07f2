using Mediator;

namespace Marketplace.Modules.Ordering.Orders.Lifecycle.MoveStaleOrders;

/// <summary>
/// One batch of a lifecycle job, one transaction: orders in one of <paramref name="From"/> since before
/// <paramref name="Before"/> move to <paramref name="To"/> as SYSTEM (PLACED too long → EXPIRED; DELIVERED or PICKED_UP
/// past the return window → COMPLETED), each with its history row, event and side effects. Answers the orders moved.
/// </summary>
internal sealed record MoveStaleOrdersCommand(IReadOnlyList<string> From, string To, DateTimeOffset Before, int BatchSize, string? Reason) : ICommand<IReadOnlyList<Guid>>;
