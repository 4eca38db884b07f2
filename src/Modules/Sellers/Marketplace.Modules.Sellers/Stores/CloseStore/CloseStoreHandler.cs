using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Mediator;

namespace Marketplace.Modules.Sellers.Stores.CloseStore;

/// <summary>Closing a closed store changes nothing; a suspended store is refused (<c>STORE_SUSPENDED</c>).</summary>
internal sealed class CloseStoreHandler(SellersDbContext db, TimeProvider clock) : ICommandHandler<CloseStoreCommand, StoreView>
{
    public async ValueTask<StoreView> Handle(CloseStoreCommand command, CancellationToken cancellationToken)
    {
        var store = await db.LockOwnedAsync(command.StoreId, command.SellerId, cancellationToken);
        return await StoreStatusChanges.ApplyAsync(db, clock, store, command.SellerId, s => s.Status switch
        {
            StoreStatus.Suspended => throw StoreStatusChanges.Suspended(),
            StoreStatus.Active => StoreStatus.Closed,
            _ => null,
        }, cancellationToken);
    }
}
