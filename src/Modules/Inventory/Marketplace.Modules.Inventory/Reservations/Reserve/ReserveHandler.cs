using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Mediator;
using Npgsql;
using static Marketplace.Modules.Inventory.Persistence.InventorySql;

namespace Marketplace.Modules.Inventory.Reservations.Reserve;

/// <summary>
/// Holds stock for a holder, all lines or none (commerce.md §6). In one round trip it takes the holder's lock, marks a
/// savepoint, ends the holder's earlier hold and writes the new hold's rows and movements; then, per variant in the one
/// lock order, one statement moves <c>reserved</c> by the difference between the new and the earlier hold: a
/// conditional UPDATE when it grows (so the holder's own units count as free for it, and concurrent holders cannot
/// oversell), a plain one when it shrinks. A variant that is short first ends its holds past their expiry (nobody keeps
/// them) and tries once more. If a line is still short or unknown, everything since the savepoint is rolled back: the
/// earlier hold stays, and the answer says what each line could have had.
/// </summary>
internal sealed class ReserveHandler(InventoryDbContext db, StockLedger ledger, TimeProvider clock) : ICommandHandler<ReserveCommand, ReserveResult>
{
    private const string Savepoint = "reserve";

    public async ValueTask<ReserveResult> Handle(ReserveCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var expiresAt = now.AddSeconds(command.TtlSeconds);
        var wanted = command.Lines.GroupBy(l => l.VariantId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var variants = StockLedger.Order(wanted.Keys).ToList();

        var held = (await db.BatchAsync(
            [
                Holds.Lock("holder", command.HolderId),
                Statement($"SAVEPOINT {Savepoint}"),
                Holds.End(command.HolderId, now, command.Actor),
                InsertHold(command.HolderId, variants, wanted, expiresAt, now),
                Movement.Insert(variants.Select(v => Movement.Reserved(v, wanted[v], command.HolderId, command.Actor)).ToList(), now),
            ],
            resultIndex: 1, Holds.ReadHeld, cancellationToken)).ToDictionary(h => h.VariantId, h => h.Quantity);

        var changed = new List<StockRow>();
        var shortVariants = new HashSet<Guid>();
        foreach (var variantId in StockLedger.Order(variants.Concat(held.Keys)))
        {
            var delta = wanted.GetValueOrDefault(variantId) - held.GetValueOrDefault(variantId);
            if (delta > 0)
            {
                var row = await ledger.TryReserveAsync(variantId, delta, now, cancellationToken);
                if (row is null && await ledger.ExpireHoldsAsync(variantId, now, cancellationToken) is not null)
                    row = await ledger.TryReserveAsync(variantId, delta, now, cancellationToken);
                if (row is null)
                    shortVariants.Add(variantId);
                else
                    changed.Add(row);
            }
            else if (delta < 0)
            {
                changed.Add(await ledger.MoveAsync(variantId, 0, delta, 0, now, cancellationToken)
                    ?? throw new InvalidOperationException($"Variant {variantId} had a hold but has no stock row."));
            }
        }

        if (shortVariants.Count > 0)
        {
            // What each line could have had, read before the rollback: this holder's earlier hold counts as its own.
            var views = await StockReads.ViewsAsync(db, variants, now, cancellationToken);
            await db.ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}", _ => { }, cancellationToken);
            return new ReserveResult(false, null, command.Lines.Select(line =>
            {
                var variantId = line.VariantId!.Value;
                if (!views.TryGetValue(variantId, out var view))
                    return new ReserveLineResult(variantId, line.Quantity, ReserveStatus.UnknownVariant, 0);
                // A short variant's row was not moved (still counts the earlier hold); the others already count the new one.
                var available = view.RawAvailable + (shortVariants.Contains(variantId) ? held.GetValueOrDefault(variantId) : wanted[variantId]);
                return new ReserveLineResult(variantId, line.Quantity, shortVariants.Contains(variantId) ? ReserveStatus.InsufficientStock : ReserveStatus.Available,
                    (int)Math.Clamp(available, 0, int.MaxValue));
            }).ToList());
        }

        await ledger.SignalAsync(changed, now, cancellationToken);
        var after = changed.ToDictionary(r => r.VariantId);
        var unchanged = variants.Where(v => !after.ContainsKey(v)).ToList();
        if (unchanged.Count > 0)
        {
            // The hold of these variants was renewed with the same units: read what remains for others.
            foreach (var view in (await StockReads.ViewsAsync(db, unchanged, now, cancellationToken)).Values)
                after[view.Row.VariantId] = view.Row;
        }

        return new ReserveResult(true, expiresAt, command.Lines.Select(line => new ReserveLineResult(
            line.VariantId!.Value, line.Quantity, ReserveStatus.Reserved, (int)Math.Clamp(after[line.VariantId!.Value].RawAvailable, 0, int.MaxValue))).ToList());
    }

    private static NpgsqlBatchCommand InsertHold(string holderId, List<Guid> variants, Dictionary<Guid, int> wanted, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Statement(
            """
            INSERT INTO inventory.reservations (id, holder_id, variant_id, quantity, status, expires_at, created_at)
            SELECT h.id, $3, h.variant_id, h.quantity, 'ACTIVE', $4, $5 FROM unnest($1::uuid[], $2::uuid[], $6::int[]) AS h(id, variant_id, quantity)
            """,
            variants.Select(_ => Guid.CreateVersion7()).ToArray(), variants.ToArray(), holderId, expiresAt, now, variants.Select(v => wanted[v]).ToArray());
}
