using Grpc.Core;
using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Checkouts;

/// <summary>A line that could not be held: the cart position, and how many the buyer could have.</summary>
internal sealed record ShortLine(int Index, Guid VariantId, int Available);

/// <summary>
/// The checkout's stock through Inventory's reservations contract, as the Ordering module. One hold per cart and store
/// (<see cref="HolderOf"/>): Inventory commits a holder's whole hold to one order id, and each store's lines become their
/// own order. A new checkout of the same cart reserves under the same holders, so it replaces the earlier hold.
/// </summary>
internal sealed class StockHolds(InventoryReservations.InventoryReservationsClient inventory)
{
    public static string HolderOf(Guid cartId, Guid storeId) => $"ordering:cart:{cartId:N}:{storeId:N}";

    /// <summary>
    /// Holds every store's lines for <paramref name="ttl"/>, store by store in id order. All or nothing: when a line
    /// cannot be held, the holds made by this call are released and the short lines are returned.
    /// </summary>
    public async Task<(DateTimeOffset? ExpiresAt, IReadOnlyList<ShortLine> Short)> ReserveAsync(Guid cartId, IReadOnlyList<LineDoc> lines, TimeSpan ttl, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        DateTimeOffset? expiresAt = null;
        var held = new List<Guid>();
        foreach (var store in lines.Select(l => l.StoreId).Distinct().Order())
        {
            var storeLines = lines.Select((line, index) => (line, index)).Where(x => x.line.StoreId == store).ToList();
            var request = new ReserveRequest { HolderId = HolderOf(cartId, store), TtlSeconds = (int)ttl.TotalSeconds };
            request.Lines.AddRange(storeLines.Select(x => new StockLine { VariantId = x.line.VariantId.ToString(), Quantity = x.line.Quantity }));
            var response = await inventory.ReserveAsync(request, cancellationToken: cancellationToken);
            if (!response.Reserved)
            {
                await ReleaseAsync(cartId, held, cancellationToken);
                var shortLines = storeLines.Zip(response.Lines)
                    .Where(x => x.Second.Status is not ("RESERVED" or "AVAILABLE"))
                    .Select(x => new ShortLine(x.First.index, x.First.line.VariantId, x.Second.Available))
                    .ToList();
                return (null, shortLines);
            }

            held.Add(store);
            var expiry = Timestamps.Parse(response.ExpiresAt);
            expiresAt = expiresAt is null || expiry < expiresAt ? expiry : expiresAt;
        }

        return (expiresAt, []);
    }

    /// <summary>Ends the holds of these stores of the cart (nothing held: nothing happens).</summary>
    public async Task ReleaseAsync(Guid cartId, IEnumerable<Guid> storeIds, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        foreach (var store in storeIds.Distinct())
            await inventory.ReleaseAsync(new ReleaseRequest { HolderId = HolderOf(cartId, store) }, cancellationToken: cancellationToken);
    }

    /// <summary>The store's hold becomes the order's allocation (a repeat with the same order id answers the first result).</summary>
    public async Task CommitAsync(Guid cartId, Guid storeId, Guid orderId, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        await inventory.CommitAsync(new CommitRequest { HolderId = HolderOf(cartId, storeId), OrderId = orderId.ToString() }, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Compensation: what was committed to an order that was never placed goes back (allocated down), once per checkout;
    /// an order id that was never committed has nothing to give back.
    /// </summary>
    public async Task UncommitAsync(Guid orderId, Guid checkoutId, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        try
        {
            await inventory.RestockAsync(
                new RestockRequest { OrderId = orderId.ToString(), Reference = $"ordering:checkout-failed:{checkoutId:N}", Source = RestockSource.Unfulfilled },
                cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.Reason() == InventoryErrorCodes.AllocationNotFound)
        {
            // Never committed: nothing to bring back.
        }
    }

    /// <summary>The order's allocated units left the store (once per reference).</summary>
    public async Task FulfilAsync(Guid orderId, string reference, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        await inventory.FulfilAsync(new FulfilRequest { OrderId = orderId.ToString(), Reference = reference }, cancellationToken: cancellationToken);
    }

    /// <summary>The order's units come back: still allocated (UNFULFILLED) or handed over and returned (FULFILLED); once per reference.</summary>
    public async Task RestockAsync(Guid orderId, string reference, RestockSource source, CancellationToken cancellationToken)
    {
        using var _ = AsOrdering();
        await inventory.RestockAsync(new RestockRequest { OrderId = orderId.ToString(), Reference = reference, Source = source }, cancellationToken: cancellationToken);
    }

    private static IDisposable AsOrdering() => CallContext.Push(CallContext.Current with { Caller = Caller.Service(OrderingModule.ModuleName) });
}
