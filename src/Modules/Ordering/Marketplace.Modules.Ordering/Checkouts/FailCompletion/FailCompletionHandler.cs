using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Payments;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.Checkouts.FailCompletion;

/// <summary>
/// Holds the checkout's row lock while it compensates, so the live request and the recovery job never both write: the
/// second one finds the checkout FAILED and does nothing. The compensating calls are idempotent (void by checkout,
/// restock once per order and checkout, release by holder) should a crash interrupt them.
/// </summary>
internal sealed class FailCompletionHandler(OrderingDbContext db, PaymentProviders payments, StockHolds holds, TimeProvider clock, ILogger<FailCompletionHandler> logger)
    : ICommandHandler<FailCompletionCommand, bool>
{
    public async ValueTask<bool> Handle(FailCompletionCommand command, CancellationToken cancellationToken)
    {
        // The scoped DbContext served the earlier steps of this completion: read the rows afresh, not as it last saw them.
        db.ChangeTracker.Clear();
        var checkout = await db.Checkouts.FromSql($"SELECT * FROM ordering.checkouts WHERE id = {command.CheckoutId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (checkout is not { Status: CheckoutStatus.Completing })
            return false;

        await payments.Get(checkout.PaymentMethod).VoidAsync(checkout.Id, checkout.PaymentIntentId, cancellationToken);
        var orderIds = checkout.OrderIds is null ? [] : Json.Read<Dictionary<Guid, Guid>>(checkout.OrderIds);
        foreach (var orderId in orderIds.Values)
            await holds.UncommitAsync(orderId, checkout.Id, cancellationToken);
        await holds.ReleaseAsync(checkout.CartId, orderIds.Keys, cancellationToken);

        checkout.Status = CheckoutStatus.Failed;
        checkout.FailureReason = command.Reason;
        if (checkout.PaymentIntentId is not null)
            checkout.PaymentStatus = "canceled";
        checkout.UpdatedAt = Timestamps.Truncate(clock.GetUtcNow());
        logger.LogWarning("Checkout {CheckoutId} failed ({Reason}): payment voided, stock given back", checkout.Id, command.Reason);
        return true;
    }
}
