using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Sellers.Payouts;
using Marketplace.Shared.Events;

namespace Marketplace.Modules.Sellers.Events;

/// <summary>
/// Ordering's <c>order_status_changed.v1</c> → the seller's payout ledger (docs/payouts.md, "How orders feed the ledger").
/// Runs with its inbox row in one transaction, so an event id is handled once; the postings themselves are unique per
/// order, type and direction, so a copy under a new id, or events arriving out of order, converge on the same entries.
/// </summary>
internal sealed class RecordOrderInLedger(OrderPostings postings) : IEventHandler<OrderStatusChanged>
{
    public Task HandleAsync(OrderStatusChanged integrationEvent, CancellationToken cancellationToken) =>
        postings.ApplyAsync(integrationEvent, EventContext.CurrentEventId, cancellationToken);
}
