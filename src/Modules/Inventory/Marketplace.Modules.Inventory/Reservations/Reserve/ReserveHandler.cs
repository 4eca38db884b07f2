using Marketplace.Modules.Inventory.Domain;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Microsoft.EntityFrameworkCore;
using Mediator;
using Npgsql;
using static Marketplace.Shared.Persistence.ModuleSql;

namespace Marketplace.Modules.Inventory.Reservations.Reserve;

/// <summary>
/// Holds stock for a holder, all lines or none (commerce.md §6). In one round trip it takes the holder's lock, marks a
/// savepoint, ends the holder's earlier hold and writes the new hold's rows and movements; then, per variant in the one
/// lock order, one statement moves <c>reserved</c> by the difference between the new and the earlier hold: a
/// conditional UPDATE when it grows (so the holder's own units count as free for it, and concurrent holders cannot
/// oversell), a plain one when it shrinks. A variant that is short first ends its holds past their expiry (nobody keeps
/// them) and tries once more. If a line is still short or unknown, everything since the savepoint is rolled back: the
/// earlier hold stays, and the answer says what each line could have had.
/// <para>
/// The handler owns its transaction (<see cref="ICommitsItself"/>): on a hot variant every caller queues on its row's
/// lock, held from the counter's UPDATE until COMMIT. So the last counter move goes with COMMIT in one round trip when
/// it has nothing to tell (no availability flip, no low-stock crossing: <c>inventory.move_reserved_quietly</c> raises
/// otherwise, and the ordinary path runs instead), and the lock is held about as long as by a lone autocommit UPDATE.
/// </para>
/// </summary>
internal sealed class ReserveHandler(InventoryDbContext db, StockLedger ledger, TimeProvider clock) : ICommandHandler<ReserveCommand, ReserveResult>
{
    private const string Savepoint = "reserve";
    private const string LastMoveSavepoint = "last_move";

    /// <summary>The SQLSTATE <c>inventory.move_reserved_quietly</c> raises when its variant needs the ordinary path.</summary>
    private const string NeedsOrdinaryPath = "IV001";

    public async ValueTask<ReserveResult> Handle(ReserveCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var expiresAt = now.AddSeconds(command.TtlSeconds);
        var wanted = command.Lines.GroupBy(l => l.VariantId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity));
        var variants = StockLedger.Order(wanted.Keys).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var held = (await db.BatchAsync(
            [
                Holds.Lock("holder", command.HolderId),
                Statement($"SAVEPOINT {Savepoint}"),
                Holds.End(command.HolderId, now, command.Actor),
                InsertHold(command.HolderId, variants, wanted, expiresAt, now),
                Movement.Insert(variants.Select(v => Movement.Reserved(v, wanted[v], command.HolderId, command.Actor)).ToList(), now),
            ],
            resultIndex: 1, Holds.ReadHeld, cancellationToken)).ToDictionary(h => h.VariantId, h => h.Quantity);

        var moves = StockLedger.Order(variants.Concat(held.Keys))
            .Select(v => (VariantId: v, Delta: wanted.GetValueOrDefault(v) - held.GetValueOrDefault(v)))
            .Where(m => m.Delta != 0)
            .ToList();
        var changed = new List<StockRow>();
        var signalled = new List<StockRow>();
        var shortVariants = new HashSet<Guid>();
        var after = new Dictionary<Guid, StockRow>();
        var committed = false;
        foreach (var (variantId, delta) in moves)
        {
            if (variantId == moves[^1].VariantId && shortVariants.Count == 0)
            {
                // The last move: everything before it is settled, so tell what it changed, read what the renewed lines
                // leave for others, save, and try to send the move with COMMIT.
                await ledger.SignalAsync(changed, now, cancellationToken);
                signalled.AddRange(changed);
                changed.Clear();
                await ReadUnchangedAsync(variants, moves, after, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                if (await TryMoveQuietlyAndCommitAsync(variantId, delta, now, cancellationToken) is { } quiet)
                {
                    after[variantId] = quiet;
                    committed = true;
                    break;
                }
            }

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
            else
            {
                changed.Add(await ledger.MoveAsync(variantId, 0, delta, 0, now, cancellationToken)
                    ?? throw new InvalidOperationException($"Variant {variantId} had a hold but has no stock row."));
            }
        }

        if (shortVariants.Count > 0)
        {
            // What each line could have had, read before the rollback: this holder's earlier hold counts as its own.
            var views = await StockReads.ViewsAsync(db, variants, now, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
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

        if (!committed)
        {
            await ledger.SignalAsync(changed, now, cancellationToken);
            await ReadUnchangedAsync(variants, moves, after, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var row in signalled.Concat(changed))
            after[row.VariantId] = row;
        return new ReserveResult(true, expiresAt, command.Lines.Select(line => new ReserveLineResult(
            line.VariantId!.Value, line.Quantity, ReserveStatus.Reserved, (int)Math.Clamp(after[line.VariantId!.Value].RawAvailable, 0, int.MaxValue))).ToList());
    }

    /// <summary>The hold of these variants was renewed with the same units: read what remains for others.</summary>
    private async Task ReadUnchangedAsync(List<Guid> variants, List<(Guid VariantId, int Delta)> moves, Dictionary<Guid, StockRow> after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unchanged = variants.Where(v => !after.ContainsKey(v) && !moves.Any(m => m.VariantId == v)).ToList();
        if (unchanged.Count == 0)
            return;
        foreach (var view in (await StockReads.ViewsAsync(db, unchanged, now, cancellationToken)).Values)
            after[view.Row.VariantId] = view.Row;
    }

    /// <summary>
    /// Sends the last counter move and COMMIT in one round trip. Null, with the move undone and the transaction still
    /// open, when the variant is short or the move would flip its availability or cross its low-stock threshold.
    /// </summary>
    private async Task<StockRow?> TryMoveQuietlyAndCommitAsync(Guid variantId, int delta, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return (await db.BatchAsync(
                [
                    Statement($"SAVEPOINT {LastMoveSavepoint}"),
                    Statement($"SELECT {StockRow.Columns} FROM inventory.move_reserved_quietly($1, $2, $3)", variantId, delta, now),
                    Statement("COMMIT"),
                ],
                resultIndex: 0, StockRow.Read, cancellationToken)).Single();
        }
        catch (PostgresException e) when (e.SqlState == NeedsOrdinaryPath)
        {
            await db.ExecuteAsync($"ROLLBACK TO SAVEPOINT {LastMoveSavepoint}", _ => { }, cancellationToken);
            return null;
        }
    }

    private static NpgsqlBatchCommand InsertHold(string holderId, List<Guid> variants, Dictionary<Guid, int> wanted, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Statement(
            """
            INSERT INTO inventory.reservations (id, holder_id, variant_id, quantity, status, expires_at, created_at)
            SELECT h.id, $3, h.variant_id, h.quantity, 'ACTIVE', $4, $5 FROM unnest($1::uuid[], $2::uuid[], $6::int[]) AS h(id, variant_id, quantity)
            """,
            variants.Select(_ => Guid.CreateVersion7()).ToArray(), variants.ToArray(), holderId, expiresAt, now, variants.Select(v => wanted[v]).ToArray());
}
