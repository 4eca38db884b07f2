using Marketplace.Modules.Ordering.Domain;
using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.GetCheckout;

/// <summary>A checkout of the buyer by id, or (no id) the buyer's latest OPEN one; null when there is none (or not theirs).</summary>
internal sealed record GetCheckoutQuery(Guid BuyerId, Guid? Id) : IQuery<Checkout?>;
