using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.GetPayoutBalance;

/// <summary>A seller's balances per currency, now.</summary>
internal sealed record GetPayoutBalanceQuery(Guid SellerId) : IQuery<IReadOnlyList<Ledger.Balance>>;
