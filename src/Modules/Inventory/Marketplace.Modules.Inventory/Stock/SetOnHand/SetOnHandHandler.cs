using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.SetOnHand;

/// <summary>
/// On the locked row: a stale <c>expectedOnHand</c> is refused (two devices counting at once do not overwrite each
/// other), and so is a count below what is promised (reserved + allocated) for a variant that does not allow
/// backorders. The difference is an ADJUSTED movement with the seller's reason; the same count again changes nothing.
/// </summary>
internal sealed class SetOnHandHandler(SellerStock stock, StockLedger ledger, TimeProvider clock) : ICommandHandler<SetOnHandCommand, StockView>
{
    public async ValueTask<StockView> Handle(SetOnHandCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var row = await stock.LockOwnedAsync(command.VariantId, command.SellerId, now, cancellationToken);
        if (command.ExpectedOnHand is { } expected && expected != row.OnHand)
            throw ContractError.FailedPrecondition(InventoryErrorCodes.OnHandConflict, $"On hand is {row.OnHand}, not {expected}: it changed since you read it. Reload and count again.");
        var delta = command.OnHand - row.OnHand;
        if (delta == 0)
            return new StockView(row, 0);
        StockChanges.EnsureCovers(row, command.OnHand);

        var changed = await ledger.MoveAsync(command.VariantId, delta, 0, 0, now, cancellationToken) ?? throw InventoryInput.VariantNotFound();
        await ledger.AppendAsync([new Movement(command.VariantId, MovementKind.Adjusted, Math.Abs(delta), delta, 0, 0, command.Reason, NoteOrNull(command.Note), null, Actor.User(command.SellerId))], now, cancellationToken);
        await ledger.SignalAsync([changed], now, cancellationToken);
        return new StockView(changed, 0);
    }

    private static string? NoteOrNull(string note) => note.Length == 0 ? null : note;
}
