using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.ListPayouts;

/// <summary>
/// A page of payouts, newest first: one seller's (<paramref name="SellerId"/>), or every seller's for an administrator
/// (null), optionally of one <paramref name="Status"/> and <paramref name="CurrencyCode"/> (empty: any).
/// <paramref name="After"/> is a payout's key ("ticks:id").
/// </summary>
internal sealed record ListPayoutsQuery(Guid? SellerId, int First, string After, string Status = "", string CurrencyCode = "") : IQuery<Page<Payout>>;
