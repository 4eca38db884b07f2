using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Carts.GetCart;

/// <summary>The buyer's open cart with its lines; null when there is none.</summary>
internal sealed record GetCartQuery(Guid BuyerId) : IQuery<Cart?>;
