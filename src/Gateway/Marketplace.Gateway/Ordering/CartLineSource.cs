using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>A cart line with its cart's currency (a line priced in another currency now cannot be checked out).</summary>
internal sealed record CartLineSource(CartLine Line, string CartCurrency);

/// <summary>The lines of one store in a cart.</summary>
internal sealed record CartStoreGroup(string StoreId, IReadOnlyList<CartLine> Lines, string CartCurrency);
