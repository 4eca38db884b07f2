using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Payouts.SetSellerPayoutAccount;

/// <summary>Payouts created from now on go to this account; PENDING ones keep the destination they were created with.</summary>
internal sealed class SetSellerPayoutAccountHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<SetSellerPayoutAccountCommand, PayoutAccountView>
{
    public async ValueTask<PayoutAccountView> Handle(SetSellerPayoutAccountCommand command, CancellationToken cancellationToken)
    {
        var sellerId = command.SellerId is { } id && await db.Stores.AnyAsync(s => s.SellerId == id, cancellationToken)
            ? id
            : throw ContractError.NotFound(PayoutErrorCodes.SellerNotFound, "No seller with this id runs a store here.");
        var current = await db.PayoutAccounts.SingleOrDefaultAsync(a => a.SellerId == sellerId, cancellationToken);
        if (command.StripeAccountId.Length == 0)
        {
            if (current is not null)
                db.PayoutAccounts.Remove(current);
            return new PayoutAccountView(sellerId, "");
        }

        if (current is null)
            db.PayoutAccounts.Add(current = new SellerPayoutAccount { SellerId = sellerId });
        current.StripeAccountId = command.StripeAccountId;
        current.SetBy = command.AdminId;
        current.SetAt = clock.GetUtcNow();
        return new PayoutAccountView(sellerId, command.StripeAccountId);
    }
}
