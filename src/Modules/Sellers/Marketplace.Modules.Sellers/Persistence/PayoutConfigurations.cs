using Marketplace.Modules.Sellers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Sellers.Persistence;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("payout_ledger_entries", table =>
        {
            table.HasCheckConstraint("ck_payout_ledger_entries_type", $"type IN ({string.Join(", ", LedgerEntryType.All.Select(t => $"'{t}'"))})");
            table.HasCheckConstraint("ck_payout_ledger_entries_currency", "currency_code ~ '^[A-Z]{3}$'");
            // The sign of an entry follows from its type (docs/payouts.md): a bug that flips one is refused, not booked.
            table.HasCheckConstraint("ck_payout_ledger_entries_sign",
                "(type = 'SALE' AND NOT reversal AND amount >= 0) OR (type = 'REFUND' AND reversal AND amount <= 0)"
                + " OR (type IN ('COMMISSION', 'COLLECTED_BY_SELLER') AND ((NOT reversal AND amount <= 0) OR (reversal AND amount >= 0)))"
                + " OR (type = 'ADJUSTMENT' AND NOT reversal AND amount <> 0) OR (type = 'PAYOUT' AND NOT reversal AND amount < 0)"
                + " OR (type = 'PAYOUT_FAILED' AND NOT reversal AND amount > 0)");
            table.HasCheckConstraint("ck_payout_ledger_entries_links",
                "(type IN ('SALE', 'COMMISSION', 'COLLECTED_BY_SELLER', 'REFUND')) = (order_id IS NOT NULL)"
                + " AND (type IN ('PAYOUT', 'PAYOUT_FAILED')) = (payout_id IS NOT NULL)"
                + " AND (type = 'COMMISSION') = (commission_rate IS NOT NULL)"
                + " AND (type <> 'ADJUSTMENT' OR (reason IS NOT NULL AND actor_id IS NOT NULL))");
            table.HasCheckConstraint("ck_payout_ledger_entries_rate", "commission_rate IS NULL OR commission_rate BETWEEN 0 AND 1");
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Position).UseIdentityAlwaysColumn();
        builder.Property(e => e.CurrencyCode).HasMaxLength(3);
        builder.Property(e => e.Type).HasMaxLength(24);
        builder.Property(e => e.CommissionRate).HasPrecision(5, 4);
        builder.Property(e => e.PaymentMethod).HasMaxLength(32);
        builder.Property(e => e.Reason).HasMaxLength(PayoutRules.MaxReasonLength);
        builder.Property(e => e.IdempotencyKey).HasMaxLength(PayoutRules.MaxIdempotencyKeyLength);
        builder.HasIndex(e => e.Position).IsUnique();
        // An order's entries exist once per type and direction, whichever event (or copy of it) came first.
        builder.HasIndex(e => new { e.OrderId, e.Type, e.Reversal }).IsUnique().HasFilter("order_id IS NOT NULL");
        builder.HasIndex(e => new { e.PayoutId, e.Type }).IsUnique().HasFilter("payout_id IS NOT NULL");
        builder.HasIndex(e => new { e.SellerId, e.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        // Balances (sums per seller and currency, split at now) and the seller's pages, newest first.
        builder.HasIndex(e => new { e.SellerId, e.CurrencyCode, e.AvailableAt });
        builder.HasIndex(e => new { e.SellerId, e.Position }).IsDescending(false, true);
    }
}

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> builder)
    {
        builder.ToTable("payouts", table =>
        {
            table.HasCheckConstraint("ck_payouts_status", $"status IN ('{PayoutStatus.Pending}', '{PayoutStatus.Paid}', '{PayoutStatus.Failed}')");
            table.HasCheckConstraint("ck_payouts_provider", $"provider IN ('{PayoutProvider.Manual}', '{PayoutProvider.Stripe}')");
            table.HasCheckConstraint("ck_payouts_amount", "amount > 0");
            table.HasCheckConstraint("ck_payouts_destination", $"(provider = '{PayoutProvider.Stripe}') = (destination IS NOT NULL)");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.CurrencyCode).HasMaxLength(3);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.Provider).HasMaxLength(16);
        builder.Property(p => p.Destination).HasMaxLength(PayoutRules.MaxAccountIdLength);
        builder.Property(p => p.Reference).HasMaxLength(PayoutRules.MaxReferenceLength);
        builder.Property(p => p.FailureReason).HasMaxLength(PayoutRules.MaxReasonLength);
        // A run creates at most one payout per seller and currency (the advisory lock makes it one across runs too).
        builder.HasIndex(p => new { p.RunId, p.SellerId, p.CurrencyCode }).IsUnique();
        builder.HasIndex(p => new { p.SellerId, p.CreatedAt, p.Id }).IsDescending(false, true, true);
        builder.HasIndex(p => new { p.Status, p.Provider });
    }
}

internal sealed class StoreCommissionRateConfiguration : IEntityTypeConfiguration<StoreCommissionRate>
{
    public void Configure(EntityTypeBuilder<StoreCommissionRate> builder)
    {
        builder.ToTable("store_commission_rates", table => table.HasCheckConstraint("ck_store_commission_rates_rate", "rate BETWEEN 0 AND 1"));
        builder.HasKey(r => r.StoreId);
        builder.Property(r => r.Rate).HasPrecision(5, 4);
    }
}

internal sealed class SellerPayoutAccountConfiguration : IEntityTypeConfiguration<SellerPayoutAccount>
{
    public void Configure(EntityTypeBuilder<SellerPayoutAccount> builder)
    {
        builder.ToTable("seller_payout_accounts");
        builder.HasKey(a => a.SellerId);
        builder.Property(a => a.StripeAccountId).HasMaxLength(PayoutRules.MaxAccountIdLength);
    }
}
