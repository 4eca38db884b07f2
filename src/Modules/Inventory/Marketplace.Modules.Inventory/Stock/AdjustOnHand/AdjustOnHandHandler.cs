using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Inventory.Stock.AdjustOnHand;

/// <summary>
/// On the locked row, adds <c>delta</c> to on hand: a RECEIVED movement for a replenishment, ADJUSTED with the reason
/// otherwise. Refused when on hand would fall below what is promised (or below zero) or above the bound.
/// </summary>
internal sealed class AdjustOnHandHandler(SellerStock stock, StockLedger ledger, TimeProvider clock) : ICommandHandler<AdjustOnHandCommand, StockView>
{
    public async ValueTask<StockView> Handle(AdjustOnHandCommand command, CancellationToken cancellationToken)
    {
        var now = Timestamps.Truncate(clock.GetUtcNow());
        var row = await stock.LockOwnedAsync(command.VariantId, command.SellerId, now, cancellationToken);
        var onHand = (long)row.OnHand + command.Delta;
        if (onHand > InventoryRules.MaxOnHand)
        {
            throw ContractError.InvalidArgument(CommonErrorCodes.InvalidInput, "The input is not valid.",
                [new FieldViolation("delta", $"On hand would exceed {InventoryRules.MaxOnHand} (it is {row.OnHand}).", InventoryErrorCodes.InvalidQuantity)]);
        }

        StockChanges.EnsureCovers(row, onHand);
        var changed = await ledger.MoveAsync(command.VariantId, command.Delta, 0, 0, now, cancellationToken) ?? throw InventoryInput.VariantNotFound();
        var kind = command.Reason == AdjustReason.Received ? MovementKind.Received : MovementKind.Adjusted;
        await ledger.AppendAsync(
            [new Movement(command.VariantId, kind, Math.Abs(command.Delta), command.Delta, 0, 0, command.Reason, command.Note.Length == 0 ? null : command.Note, null, Actor.User(command.SellerId))],
            now, cancellationToken);
        await ledger.SignalAsync([changed], now, cancellationToken);
        return new StockView(changed, 0);
    }
}
