using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Payouts.Providers;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.RecordTransfer;

/// <summary>A provider's answer for a payout (PAID with its reference, FAILED with why); a settled payout stays as it is.</summary>
internal sealed record RecordTransferCommand(Guid PayoutId, PayoutOutcome Outcome) : ICommand<Payout>;
