using Marketplace.Modules.Inventory.Contracts;
using Marketplace.Modules.Inventory.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Inventory.Stock;

/// <summary>Rules of a seller's change of on hand, checked on the locked row (the CHECK constraints hold them too).</summary>
internal static class StockChanges
{
    /// <summary>
    /// A variant that does not allow backorders (tracked, DENY) keeps at least what is promised on hand; nothing goes
    /// below zero.
    /// </summary>
    public static void EnsureCovers(StockRow row, long onHand)
    {
        if (onHand < 0)
            throw ContractError.FailedPrecondition(InventoryErrorCodes.OnHandBelowCommitted, $"On hand cannot go below 0 (it is {row.OnHand}).");
        var committed = (long)row.Reserved + row.Allocated;
        if (row.Tracked && row.Policy == InventoryPolicy.Deny && onHand < committed)
        {
            throw ContractError.FailedPrecondition(
                InventoryErrorCodes.OnHandBelowCommitted,
                $"{row.Reserved} units are reserved and {row.Allocated} allocated: on hand cannot go below {committed}.");
        }
    }
}
