using Marketplace.Modules.Inventory.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Inventory.Persistence;

internal sealed class InventoryDbContext(DbContextOptions<InventoryDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "inventory";

    public DbSet<StockLevel> StockLevels => Set<StockLevel>();

    public DbSet<StockMovement> Movements => Set<StockMovement>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<Allocation> Allocations => Set<Allocation>();

    public DbSet<InventoryOperation> Operations => Set<InventoryOperation>();

    public DbSet<StoreContact> StoreContacts => Set<StoreContact>();
}
