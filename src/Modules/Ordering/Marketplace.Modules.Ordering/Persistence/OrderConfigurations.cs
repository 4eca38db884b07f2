using Marketplace.Modules.Ordering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Ordering.Persistence;

internal sealed class OrderGroupConfiguration : IEntityTypeConfiguration<OrderGroup>
{
    public void Configure(EntityTypeBuilder<OrderGroup> builder)
    {
        builder.ToTable("order_groups", table =>
        {
            table.HasCheckConstraint("ck_order_groups_total", "total >= 0");
            table.HasCheckConstraint("ck_order_groups_count", "order_count > 0");
        });
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.CurrencyCode).HasMaxLength(3);
        builder.Property(g => g.PaymentMethod).HasMaxLength(32);
        builder.Property(g => g.PaymentIntentId).HasMaxLength(255);
        builder.HasIndex(g => g.Number).IsUnique();
        // One group per checkout: two completions of one checkout can never both place orders.
        builder.HasIndex(g => g.CheckoutId).IsUnique();
        builder.HasIndex(g => new { g.BuyerId, g.Id });
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders", table =>
        {
            table.HasCheckConstraint("ck_orders_status", $"status IN ({string.Join(", ", OrderStatus.All.Select(s => $"'{s}'"))})");
            table.HasCheckConstraint("ck_orders_payment_status", $"payment_status IN ({string.Join(", ", PaymentStatus.All.Select(s => $"'{s}'"))})");
            table.HasCheckConstraint("ck_orders_amounts", "subtotal >= 0 AND total >= 0 AND item_count > 0 AND line_count > 0");
        });
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Number).HasMaxLength(40);
        builder.Property(o => o.Status).HasMaxLength(16);
        builder.Property(o => o.PaymentStatus).HasMaxLength(24);
        builder.Property(o => o.PaymentMethod).HasMaxLength(32);
        builder.Property(o => o.Fulfilment).HasMaxLength(16);
        builder.Property(o => o.CurrencyCode).HasMaxLength(3);
        builder.Property(o => o.Snapshot).HasColumnType("jsonb");
        builder.HasIndex(o => o.Number).IsUnique();
        builder.HasIndex(o => o.GroupId);
        // The read side's keysets: a buyer's orders and a store's orders, newest (UUIDv7) first, optionally by status.
        builder.HasIndex(o => new { o.BuyerId, o.Id }).IsDescending(false, true);
        builder.HasIndex(o => new { o.StoreId, o.Id }).IsDescending(false, true);
        builder.HasIndex(o => new { o.StoreId, o.Status, o.Id }).IsDescending(false, false, true);
        // The expiry and completion jobs: orders in a status since before a moment (updated_at is when the status last moved).
        builder.HasIndex(o => new { o.Status, o.UpdatedAt });
    }
}

internal sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> builder)
    {
        builder.ToTable("order_status_history");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
        builder.Property(h => h.FromStatus).HasMaxLength(16);
        builder.Property(h => h.ToStatus).HasMaxLength(16);
        builder.Property(h => h.ActorKind).HasMaxLength(16);
        builder.Property(h => h.ActorId).HasMaxLength(100);
        builder.Property(h => h.Reason).HasMaxLength(500);
        builder.HasIndex(h => new { h.OrderId, h.Id });
    }
}

internal sealed class OrderEffectConfiguration : IEntityTypeConfiguration<OrderEffect>
{
    public void Configure(EntityTypeBuilder<OrderEffect> builder)
    {
        builder.ToTable("order_effects");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasMaxLength(24);
        builder.Property(e => e.LastError).HasMaxLength(1000);
        // Each kind at most once per order: a transition can never be followed by two captures, two refunds, two restocks.
        builder.HasIndex(e => new { e.OrderId, e.Kind }).IsUnique();
        builder.HasIndex(e => e.GroupId);
        // The effects job: what is still pending, by when it is due.
        builder.HasIndex(e => e.NextAttemptAt).HasFilter("done_at IS NULL");
    }
}
