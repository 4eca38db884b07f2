using Marketplace.Modules.Ordering.Domain;

namespace Marketplace.Modules.Ordering.Orders;

/// <summary>An order group with the orders the reader may see (all of them for its buyer).</summary>
internal sealed record OrderGroupView(OrderGroup Group, IReadOnlyList<Order> Orders);
