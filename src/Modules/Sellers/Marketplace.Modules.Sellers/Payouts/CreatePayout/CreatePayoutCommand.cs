using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.CreatePayout;

/// <summary>
/// One seller's payout in one currency for a run: the whole available balance, if it reaches the minimum. Null when it
/// does not (or another run paid it out first).
/// </summary>
internal sealed record CreatePayoutCommand(Guid RunId, Guid SellerId, string CurrencyCode, Guid? ActorId) : ICommand<Payout?>;
