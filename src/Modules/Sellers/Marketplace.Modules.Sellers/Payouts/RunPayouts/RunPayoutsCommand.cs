using Marketplace.Modules.Sellers.Domain;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.RunPayouts;

/// <summary>
/// A payout run (the weekly job or an administrator's payoutRunStart): a request, not a command, because it is many
/// transactions by design — one per payout created, then one per provider answer, with the provider called in between
/// and never inside a transaction. <paramref name="CurrencyCode"/> empty: every currency.
/// </summary>
internal sealed record RunPayoutsCommand(Guid? ActorId, string CurrencyCode) : IRequest<PayoutRunView>;

internal sealed record PayoutRunView(Guid Id, IReadOnlyList<Payout> Payouts);
