using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutFailed;

/// <summary>An administrator says a manual payout failed, with why: the amount goes back to the seller's balance.</summary>
internal sealed record MarkPayoutFailedCommand(Guid AdminId, Guid PayoutId, string Reason) : ICommand<Payout>;
