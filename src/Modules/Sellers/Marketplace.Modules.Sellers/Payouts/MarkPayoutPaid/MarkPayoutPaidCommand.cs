using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.MarkPayoutPaid;

/// <summary>An administrator says a manual payout was paid, with the bank transfer's reference.</summary>
internal sealed record MarkPayoutPaidCommand(Guid AdminId, Guid PayoutId, string Reference) : ICommand<Payout>;
