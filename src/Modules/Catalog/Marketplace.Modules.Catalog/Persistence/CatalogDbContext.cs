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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Forgiving search: trigram similarity (dictionary lookup) and edit distance (docs/catalog-search.md).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasPostgresExtension("fuzzystrmatch");
        base.OnModelCreating(modelBuilder);
    }
}
