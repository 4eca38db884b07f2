using Marketplace.Modules.Catalog.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Persistence;

internal sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "catalog";

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductVariant> Variants => Set<ProductVariant>();
}
