using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.ReinstateStore;

/// <summary>Only a suspended store can be reinstated (<c>STORE_NOT_SUSPENDED</c>).</summary>
internal sealed class ReinstateStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<ReinstateStoreCommand, StoreView>
{
    public async ValueTask<StoreView> Handle(ReinstateStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockAsync(command.StoreId, cancellationToken);
        return await StoreStatusChanges.ApplyAsync(db, clock, store, command.AdminId, s =>
        {
            if (s.Status != StoreStatus.Suspended)
                throw ContractError.FailedPrecondition(SellersErrorCodes.StoreNotSuspended, "Only a suspended store can be reinstated.");
            var status = s.StatusBeforeSuspension ?? StoreStatus.Active;
            s.StatusBeforeSuspension = null;
            s.SuspensionReason = null;
            return status;
        }, cancellationToken);
    }
}
