using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Persistence;

internal sealed class SellersDbContext(DbContextOptions<SellersDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "sellers";

    public DbSet<Store> Stores => Set<Store>();

    public DbSet<StoreFollow> Follows => Set<StoreFollow>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<StoreCommissionRate> CommissionRates => Set<StoreCommissionRate>();

    public DbSet<SellerPayoutAccount> PayoutAccounts => Set<SellerPayoutAccount>();
}
