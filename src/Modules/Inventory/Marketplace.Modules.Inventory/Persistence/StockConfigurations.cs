using Marketplace.Modules.Inventory.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Inventory.Persistence;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.ToTable("stock_levels", table =>
        {
            // The invariant lives in the database, not only in code: whatever path changes a counter, PostgreSQL
            // refuses a row that oversells. Safety stock is not part of it: a seller may raise it at any time (it holds
            // units back from sale, it never takes back what was promised), so available is reported clamped at 0.
            table.HasCheckConstraint("ck_stock_levels_on_hand", "on_hand >= 0");
            table.HasCheckConstraint("ck_stock_levels_reserved", "reserved >= 0");
            table.HasCheckConstraint("ck_stock_levels_allocated", "allocated >= 0");
            table.HasCheckConstraint("ck_stock_levels_safety_stock", "safety_stock >= 0");
            table.HasCheckConstraint("ck_stock_levels_low_stock_threshold", "low_stock_threshold IS NULL OR low_stock_threshold >= 0");
            table.HasCheckConstraint("ck_stock_levels_policy", "policy IN ('DENY', 'CONTINUE')");
            table.HasCheckConstraint("ck_stock_levels_no_oversell", "NOT tracked OR policy = 'CONTINUE' OR reserved + allocated <= on_hand");
        });
        builder.HasKey(s => s.VariantId);
        builder.Property(s => s.VariantId).ValueGeneratedNever();
        builder.Property(s => s.Sku).HasMaxLength(100);
        builder.Property(s => s.ProductTitle).HasMaxLength(300);
        // Defaults, so a copied variant's row is written with its facts only (VariantDirectory).
        builder.Property(s => s.Policy).HasMaxLength(16).HasDefaultValue(InventoryPolicy.Deny);
        builder.Property(s => s.Tracked).HasDefaultValue(true);
        builder.Property(s => s.OnHand).HasDefaultValue(0);
        builder.Property(s => s.Reserved).HasDefaultValue(0);
        builder.Property(s => s.Allocated).HasDefaultValue(0);
        builder.Property(s => s.SafetyStock).HasDefaultValue(0);
        builder.Property(s => s.AvailableForSale).HasDefaultValue(false);
        builder.Property(s => s.AvailabilityVersion).HasDefaultValue(0L);
        builder.Property(s => s.LowStockAlerted).HasDefaultValue(false);
        builder.HasIndex(s => s.ProductId);
        builder.HasIndex(s => s.StoreId);
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.ToTable("stock_movements", table =>
        {
            table.HasCheckConstraint("ck_stock_movements_quantity", "quantity > 0");
            table.HasCheckConstraint("ck_stock_movements_kind", $"kind IN ({string.Join(", ", MovementKind.All.Select(k => $"'{k}'"))})");
        });
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Kind).HasMaxLength(16);
        builder.Property(m => m.Reason).HasMaxLength(32);
        builder.Property(m => m.Note).HasMaxLength(200);
        builder.Property(m => m.Reference).HasMaxLength(100);
        builder.Property(m => m.ActorKind).HasMaxLength(16);
        builder.Property(m => m.ActorId).HasMaxLength(100);
        // A variant's movements newest first: the movements connection's keyset.
        builder.HasIndex(m => new { m.VariantId, m.Id }).IsDescending(false, true);
    }
}

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.ToTable("reservations", table =>
        {
            table.HasCheckConstraint("ck_reservations_quantity", "quantity > 0");
            table.HasCheckConstraint("ck_reservations_status", "status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'COMMITTED')");
        });
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.HolderId).HasMaxLength(100);
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.OrderId).HasMaxLength(100);
        // Only active holds are ever searched: by holder (replace, release, commit), by variant (expired holds a
        // reservation may end, availability reads) and by expiry (the sweeper). Ended rows stay out of these indexes.
        builder.HasIndex(r => r.HolderId).HasFilter("status = 'ACTIVE'").HasDatabaseName("ix_reservations_active_holder");
        builder.HasIndex(r => new { r.VariantId, r.ExpiresAt }).HasFilter("status = 'ACTIVE'").HasDatabaseName("ix_reservations_active_variant");
        builder.HasIndex(r => r.ExpiresAt).HasFilter("status = 'ACTIVE'").HasDatabaseName("ix_reservations_active_expiry");
    }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> builder)
    {
        builder.ToTable("allocations", table =>
        {
            table.HasCheckConstraint("ck_allocations_quantity", "quantity > 0");
            table.HasCheckConstraint("ck_allocations_parts", "fulfilled >= 0 AND cancelled >= 0 AND returned >= 0 AND fulfilled + cancelled <= quantity AND returned <= fulfilled");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OrderId).HasMaxLength(100);
        builder.HasIndex(a => new { a.OrderId, a.VariantId }).IsUnique();
        builder.HasIndex(a => a.VariantId);
    }
}

internal sealed class InventoryOperationConfiguration : IEntityTypeConfiguration<InventoryOperation>
{
    public void Configure(EntityTypeBuilder<InventoryOperation> builder)
    {
        builder.ToTable("operations");
        // One row per (operation, reference): the claim that makes a repeated Commit/Fulfil/Restock a no-op, even when
        // the repeats run at the same time (the second INSERT waits for the first's outcome).
        builder.HasKey(o => new { o.Kind, o.Reference });
        builder.Property(o => o.Kind).HasMaxLength(16);
        // "<order id>/<reference>" for fulfilments and restocks (each part at most 100 characters).
        builder.Property(o => o.Reference).HasMaxLength(201);
    }
}

internal sealed class StoreContactConfiguration : IEntityTypeConfiguration<StoreContact>
{
    public void Configure(EntityTypeBuilder<StoreContact> builder)
    {
        builder.ToTable("store_contacts");
        builder.HasKey(s => s.StoreId);
        builder.Property(s => s.StoreId).ValueGeneratedNever();
        builder.Property(s => s.ContactEmail).HasMaxLength(320);
    }
}
