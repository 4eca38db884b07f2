using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Ordering.Persistence;

internal sealed class OrderingDbContext(DbContextOptions<OrderingDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "ordering";

    /// <summary>Numbers of order groups (MP-10000, MP-10001, …): a sequence, so numbers are unique without a lock.</summary>
    public const string GroupNumbers = "order_group_numbers";

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<CartLine> CartLines => Set<CartLine>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<OrderGroup> OrderGroups => Set<OrderGroup>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();

    public DbSet<OrderEffect> OrderEffects => Set<OrderEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(GroupNumbers).StartsAt(10000);
    }
}
