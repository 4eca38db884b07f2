using Marketplace.Modules.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Ordering.Persistence;

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    public void Configure(EntityTypeBuilder<Checkout> builder)
    {
        builder.ToTable("checkouts", table =>
        {
            table.HasCheckConstraint("ck_checkouts_status", $"status IN ({string.Join(", ", CheckoutStatus.All.Select(s => $"'{s}'"))})");
            table.HasCheckConstraint("ck_checkouts_fulfilment", $"fulfilment IN ('{Fulfilment.Delivery}', '{Fulfilment.Pickup}')");
            table.HasCheckConstraint("ck_checkouts_payment_method", $"payment_method IN ({string.Join(", ", PaymentMethods.All.Select(s => $"'{s}'"))})");
            table.HasCheckConstraint("ck_checkouts_total", "total >= 0");
            // What compensation needs is fixed before any payment call.
            table.HasCheckConstraint("ck_checkouts_completing", "status NOT IN ('COMPLETING', 'COMPLETED') OR (idempotency_key IS NOT NULL AND order_group_id IS NOT NULL AND order_ids IS NOT NULL)");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasMaxLength(16);
        builder.Property(c => c.Fulfilment).HasMaxLength(16);
        builder.Property(c => c.PaymentMethod).HasMaxLength(32);
        builder.Property(c => c.CurrencyCode).HasMaxLength(3);
        builder.Property(c => c.DeliveryAddress).HasColumnType("jsonb");
        builder.Property(c => c.Document).HasColumnType("jsonb");
        builder.Property(c => c.OrderIds).HasColumnType("jsonb");
        builder.Property(c => c.PaymentIntentId).HasMaxLength(255);
        builder.Property(c => c.PaymentClientSecret).HasMaxLength(500);
        builder.Property(c => c.PaymentStatus).HasMaxLength(64);
        builder.Property(c => c.IdempotencyKey).HasMaxLength(OrderingRules.MaxIdempotencyKeyLength);
        builder.Property(c => c.FailureReason).HasMaxLength(64);
        builder.HasIndex(c => new { c.BuyerId, c.CreatedAt });
        // At most one checkout of a cart is open or completing: a new one replaces the open one in the same transaction.
        builder.HasIndex(c => c.CartId).IsUnique().HasFilter("status IN ('OPEN', 'COMPLETING')").HasDatabaseName("ux_checkouts_live_cart");
        // The recovery job's scan: completions that never finished.
        builder.HasIndex(c => c.CompletingStartedAt).HasFilter("status = 'COMPLETING'").HasDatabaseName("ix_checkouts_completing");
    }
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("idempotency_keys");
        // Keys are the buyer's: two buyers choosing the same key never meet.
        builder.HasKey(k => new { k.BuyerId, k.Key });
        builder.Property(k => k.Key).HasMaxLength(OrderingRules.MaxIdempotencyKeyLength);
        builder.HasIndex(k => k.CreatedAt);
    }
}
