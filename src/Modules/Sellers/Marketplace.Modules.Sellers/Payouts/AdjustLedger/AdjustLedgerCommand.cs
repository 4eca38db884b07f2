using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Payments;
using Mediator;

namespace Marketplace.Modules.Sellers.Payouts.AdjustLedger;

/// <summary>An administrator's ± correction of a seller's balance in one currency, with a reason (available at once).</summary>
internal sealed record AdjustLedgerCommand(Guid AdminId, Guid? SellerId, string CurrencyCode, string Amount, string Reason, string IdempotencyKey)
    : ICommand<LedgerEntryView>
{
    /// <summary>The amount in minor units, when it is a valid one (the validator says why not).</summary>
    public long? AmountMinor =>
        CurrencyUnits.IsKnown(CurrencyCode) && CurrencyUnits.TryParse(Amount, out var value) && CurrencyUnits.TryToMinor(value, CurrencyCode, out var minor)
        && minor != 0 && Math.Abs(minor) <= PayoutRules.MaxAdjustmentMinor
            ? minor
            : null;
}
