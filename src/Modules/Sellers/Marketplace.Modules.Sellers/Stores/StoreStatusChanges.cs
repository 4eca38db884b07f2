using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>
/// A status change on the locked store row: <c>transition</c> returns the new status, or null for "nothing to do" (a
/// repeated close, reopen or suspension changes nothing: no new version, no event). An effective change publishes
/// <c>store_updated.v1</c>.
/// </summary>
internal static class StoreStatusChanges
{
    public static async Task<StoreView> ApplyAsync(
        SellersDbContext db, TimeProvider clock, Store store, Guid actorId, Func<Store, string?> transition, CancellationToken cancellationToken)
    {
        var status = transition(store);
        if (status is not null && status != store.Status)
        {
            store.Status = status;
            StoreVersions.Next(db, store, clock, publish: true);
            await db.SaveChangesAsync(cancellationToken);
        }

        var following = await db.Follows.AnyAsync(f => f.UserId == actorId && f.StoreId == store.Id, cancellationToken);
        return new StoreView(store, following, ShowSuspensionReason: true);
    }

    public static Grpc.Core.RpcException Suspended() =>
        Marketplace.Shared.Contracts.ContractError.FailedPrecondition(
            Contracts.SellersErrorCodes.StoreSuspended, "An administrator suspended this store; only an administrator can reinstate it.");
}
