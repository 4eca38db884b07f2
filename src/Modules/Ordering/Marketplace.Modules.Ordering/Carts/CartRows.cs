using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Ordering.Carts;

/// <summary>Reading and locking a buyer's open cart.</summary>
internal static class CartRows
{
    /// <summary>The buyer's open cart with its lines, untracked; null when there is none.</summary>
    public static Task<Cart?> FindOpenAsync(OrderingDbContext db, Guid buyerId, CancellationToken cancellationToken) =>
        db.Carts.AsNoTracking().Include(c => c.Lines).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.BuyerId == buyerId && c.Status == CartStatus.Open, cancellationToken);

    /// <summary>
    /// The buyer's open cart, locked for the transaction and tracked (created when <paramref name="create"/> and there is
    /// none: two first adds at once meet on the partial unique index and share one cart). Refuses while a checkout of the
    /// cart is completing: its lines are being placed as orders.
    /// </summary>
    public static async Task<Cart?> LockOpenAsync(OrderingDbContext db, Guid buyerId, bool create, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var statements = new List<NpgsqlBatchCommand>();
        if (create)
        {
            statements.Add(Statement(
                """
                INSERT INTO ordering.carts (id, buyer_id, status, version, created_at, updated_at) VALUES ($1, $2, 'OPEN', 0, $3, $3)
                ON CONFLICT (buyer_id) WHERE status = 'OPEN' DO NOTHING
                """,
                Guid.CreateVersion7(), buyerId, now));
        }

        statements.Add(Statement(
            """
            SELECT c.id, EXISTS (SELECT 1 FROM ordering.checkouts k WHERE k.cart_id = c.id AND k.status = 'COMPLETING')
            FROM ordering.carts c WHERE c.buyer_id = $1 AND c.status = 'OPEN' FOR UPDATE OF c
            """,
            buyerId));
        // The INSERT returns no rows, so the SELECT is the first result either way.
        var found = await db.BatchAsync(statements, 0, r => (Id: r.GetGuid(0), Completing: r.GetBoolean(1)), cancellationToken);
        if (found.Count == 0)
            return null;
        if (found[0].Completing)
            throw ContractError.FailedPrecondition(OrderingErrorCodes.CheckoutInProgress, "A checkout of this cart is completing; the cart changes again once it is done.");
        return await db.Carts.Include(c => c.Lines).AsSplitQuery().SingleAsync(c => c.Id == found[0].Id, cancellationToken);
    }

    /// <summary>The lines in the order they were first added.</summary>
    public static IEnumerable<CartLine> Ordered(this Cart cart) => cart.Lines.OrderBy(l => l.Position);

    /// <summary>Records a change of the lines: a new version, and no currency once the cart is empty.</summary>
    public static void Touch(this Cart cart, DateTimeOffset now)
    {
        cart.Version++;
        cart.UpdatedAt = now;
        if (cart.Lines.Count == 0)
            cart.CurrencyCode = null;
    }
}
