using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.SuspendStore;

/// <summary>The store remembers the status to return to; suspending a suspended store changes nothing.</summary>
internal sealed class SuspendStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<SuspendStoreCommand, StoreView>
{
    public async ValueTask<StoreView> Handle(SuspendStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockAsync(command.StoreId, cancellationToken);
        return await StoreStatusChanges.ApplyAsync(db, clock, store, command.AdminId, s =>
        {
            if (s.Status == StoreStatus.Suspended)
                return null;
            s.StatusBeforeSuspension = s.Status;
            s.SuspensionReason = command.Reason;
            return StoreStatus.Suspended;
        }, cancellationToken);
    }
}
