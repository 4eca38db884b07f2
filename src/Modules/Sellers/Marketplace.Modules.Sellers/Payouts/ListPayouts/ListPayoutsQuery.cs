using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.UseCases;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.ListPayouts;

/// <summary>A page of a seller's payouts, newest first; <paramref name="After"/> is a payout's key ("ticks:id").</summary>
internal sealed record ListPayoutsQuery(Guid SellerId, int First, string After) : IQuery<Page<Payout>>;
