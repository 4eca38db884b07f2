using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>Loading and locking store rows, and the errors that go with them.</summary>
internal static class StoreRows
{
    /// <summary>
    /// The store's row locked <c>FOR UPDATE</c> for the command's transaction: concurrent changes of one store apply one
    /// after the other, each on the latest state.
    /// </summary>
    public static async Task<Store> LockAsync(this SellersDbContext db, Guid storeId, CancellationToken cancellationToken)
    {
        var rows = await db.Stores.FromSql($"SELECT * FROM sellers.stores WHERE id = {storeId} FOR UPDATE").ToListAsync(cancellationToken);
        return rows.SingleOrDefault() ?? throw NotFound();
    }

    /// <summary>As <see cref="LockAsync"/>, and only for the seller who runs the store (else <c>NOT_YOUR_STORE</c>).</summary>
    public static async Task<Store> LockOwnedAsync(this SellersDbContext db, Guid storeId, Guid sellerId, CancellationToken cancellationToken)
    {
        var store = await db.LockAsync(storeId, cancellationToken);
        if (store.SellerId != sellerId)
            throw ContractError.PermissionDenied(SellersErrorCodes.NotYourStore, "Only the seller who runs this store may change it.");
        return store;
    }

    /// <summary>
    /// The store's row locked <c>FOR NO KEY UPDATE</c> (follows: rows that reference the store by key are not held up),
    /// untracked.
    /// </summary>
    public static async Task<Store> LockForFollowAsync(this SellersDbContext db, Guid storeId, CancellationToken cancellationToken)
    {
        var rows = await db.Stores.FromSql($"SELECT * FROM sellers.stores WHERE id = {storeId} FOR NO KEY UPDATE").AsNoTracking().ToListAsync(cancellationToken);
        return rows.SingleOrDefault() ?? throw NotFound();
    }

    /// <summary>The unique index on slug refused a row (another store took the slug first).</summary>
    public static bool IsSlugConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_stores_slug" };

    public static Grpc.Core.RpcException SlugTaken() =>
        ContractError.InvalidArgument(SellersErrorCodes.SlugTaken, "This slug is taken.", [new FieldViolation("slug", "Another store uses this slug; choose another.", SellersErrorCodes.SlugTaken)]);

    public static Grpc.Core.RpcException NotFound() => ContractError.NotFound(SellersErrorCodes.StoreNotFound, "No such store.");

    /// <summary>A store id as text: anything that is not a UUID names no store.</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var storeId) ? storeId : throw NotFound();
}
