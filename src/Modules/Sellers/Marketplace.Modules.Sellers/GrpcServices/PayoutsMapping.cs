using System.Globalization;
using Marketplace.Modules.Sellers.Payouts;
using Marketplace.Modules.Sellers.Payouts.ListPayouts;
using Marketplace.Modules.Sellers.Payouts.RunPayouts;
using Marketplace.Modules.Sellers.Payouts.SetSellerPayoutAccount;
using Marketplace.Modules.Sellers.Payouts.SetStoreCommissionRate;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Payments;
using V1 = Marketplace.Modules.Sellers.Contracts.V1;
using Money = Marketplace.Shared.Contracts.V1.Money;

namespace Marketplace.Modules.Sellers.GrpcServices;

/// <summary>The payout use cases' results as the contract's messages: minor units back to decimal text.</summary>
internal static class PayoutsMapping
{
    public static V1.PayoutBalance ToContract(this Ledger.Balance balance) => new()
    {
        CurrencyCode = balance.CurrencyCode,
        Available = MoneyOf(balance.Available, balance.CurrencyCode),
        Pending = MoneyOf(balance.Pending, balance.CurrencyCode),
    };

    public static V1.LedgerEntry ToContract(this LedgerEntryView view)
    {
        var entry = view.Entry;
        return new V1.LedgerEntry
        {
            Id = entry.Id.ToString(),
            SellerId = entry.SellerId.ToString(),
            Type = entry.Type,
            Amount = MoneyOf(entry.Amount, entry.CurrencyCode),
            OrderId = entry.OrderId?.ToString() ?? "",
            StoreId = entry.StoreId?.ToString() ?? "",
            PayoutId = entry.PayoutId?.ToString() ?? "",
            Reversal = entry.Reversal,
            CommissionRate = entry.CommissionRate?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "",
            Reason = entry.Reason ?? "",
            Status = view.Available ? "AVAILABLE" : "PENDING",
            AvailableAt = entry.AvailableAt is { } at ? Timestamps.Format(at) : "",
            CreatedAt = Timestamps.Format(entry.CreatedAt),
            Key = entry.Position.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static V1.Payout ToContract(this Domain.Payout payout) => new()
    {
        Id = payout.Id.ToString(),
        SellerId = payout.SellerId.ToString(),
        Amount = MoneyOf(payout.Amount, payout.CurrencyCode),
        Status = payout.Status,
        Provider = payout.Provider,
        Destination = payout.Destination ?? "",
        Reference = payout.Reference ?? "",
        FailureReason = payout.FailureReason ?? "",
        CreatedAt = Timestamps.Format(payout.CreatedAt),
        PaidAt = payout.PaidAt is { } paid ? Timestamps.Format(paid) : "",
        FailedAt = payout.FailedAt is { } failed ? Timestamps.Format(failed) : "",
        RunId = payout.RunId.ToString(),
        Key = ListPayoutsHandler.KeyOf(payout),
    };

    public static V1.PayoutRun ToContract(this PayoutRunView run) => new() { Id = run.Id.ToString(), Payouts = { run.Payouts.Select(p => p.ToContract()) } };

    public static V1.StoreCommissionRate ToContract(this CommissionRateView view) => new()
    {
        StoreId = view.StoreId.ToString(),
        Rate = view.Rate.ToString("0.0000", CultureInfo.InvariantCulture),
        Overridden = view.Overridden,
    };

    public static V1.SellerPayoutAccount ToContract(this PayoutAccountView view) => new() { SellerId = view.SellerId.ToString(), StripeAccountId = view.StripeAccountId };

    private static Money MoneyOf(long minor, string currency) => new() { Amount = CurrencyUnits.Format(minor, currency), CurrencyCode = currency };
}
