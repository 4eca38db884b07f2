using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.ReopenStore;

/// <summary>Reopening an active store changes nothing; a suspended store is refused (<c>STORE_SUSPENDED</c>).</summary>
internal sealed class ReopenStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<ReopenStoreCommand, StoreView>
{
    public async ValueTask<StoreView> Handle(ReopenStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockOwnedAsync(command.StoreId, command.SellerId, cancellationToken);
        return await StoreStatusChanges.ApplyAsync(db, clock, store, command.SellerId, s => s.Status switch
        {
            StoreStatus.Suspended => throw StoreStatusChanges.Suspended(),
            StoreStatus.Closed => StoreStatus.Active,
            _ => null,
        }, cancellationToken);
    }
}
