using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Checkouts.OpenCheckout;

/// <summary>
/// Under the cart's lock: the cart must still be the version that was priced (CART_CHANGED otherwise: a line changed while
/// the checkout was prepared), no checkout of it may be completing (CHECKOUT_IN_PROGRESS), and an OPEN checkout of it
/// becomes REPLACED. The partial unique index on live checkouts per cart backs this up.
/// </summary>
internal sealed class OpenCheckoutHandler(OrderingDbContext db) : ICommandHandler<OpenCheckoutCommand, OpenedCheckout>
{
    public async ValueTask<OpenedCheckout> Handle(OpenCheckoutCommand command, CancellationToken cancellationToken)
    {
        var checkout = command.Checkout;
        var version = await db.Carts.FromSql($"SELECT * FROM ordering.carts WHERE id = {checkout.CartId} AND buyer_id = {checkout.BuyerId} AND status = 'OPEN' FOR UPDATE")
            .Select(c => (int?)c.Version).SingleOrDefaultAsync(cancellationToken);
        if (version != checkout.CartVersion)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CartChanged, "Your cart changed while the checkout was being prepared; try again.");

        var live = await db.Checkouts.FromSql($"SELECT * FROM ordering.checkouts WHERE cart_id = {checkout.CartId} AND status IN ('OPEN', 'COMPLETING') FOR UPDATE")
            .ToListAsync(cancellationToken);
        if (live.Any(c => c.Status == CheckoutStatus.Completing))
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutInProgress, "A checkout of this cart is completing; try again in a moment.");

        var replacedStores = new List<Guid>();
        foreach (var open in live)
        {
            open.Status = CheckoutStatus.Replaced;
            open.UpdatedAt = checkout.CreatedAt;
            replacedStores.AddRange(Json.Read<CheckoutDocument>(open.Document).Stores.Select(s => s.Store.Id));
        }

        // The replaced row must leave the partial unique index before the new one enters it.
        await db.SaveChangesAsync(cancellationToken);
        db.Checkouts.Add(checkout);
        return new OpenedCheckout(checkout, replacedStores);
    }
}
