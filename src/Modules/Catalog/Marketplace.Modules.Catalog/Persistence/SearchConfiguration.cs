using Marketplace.Modules.Catalog.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Catalog.Persistence;

internal sealed class StoreCopyConfiguration : IEntityTypeConfiguration<StoreCopy>
{
    public void Configure(EntityTypeBuilder<StoreCopy> builder)
    {
        builder.ToTable("stores", t => t.HasComment("Catalog's copy of the Sellers module's stores, fed by store_created.v1/store_updated.v1."));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Location).HasColumnType("geography(Point,4326)");
        // The candidates path resolves a radius to the ACTIVE stores within it first (SearchSql).
        builder.HasIndex(s => s.Location).HasMethod("gist").HasFilter("status = 'ACTIVE'").HasDatabaseName("ix_stores_location_active");
    }
}

internal sealed class SearchWordConfiguration : IEntityTypeConfiguration<SearchWord>
{
    public void Configure(EntityTypeBuilder<SearchWord> builder)
    {
        builder.ToTable("search_words", t => t.HasComment("Words of product titles: the dictionary forgiving search corrects typos against (pg_trgm)."));
        builder.HasKey(w => w.Word);
        builder.Property(w => w.Word).HasColumnType("text");
        builder.HasIndex(w => w.Word, "ix_search_words_trigrams").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_search_words_trigrams");
    }
}

internal sealed class SearchProductConfiguration : IEntityTypeConfiguration<SearchProduct>
{
    /// <summary>The partial indexes' predicate; queries repeat it literally so the planner can use them.</summary>
    public const string SearchableFilter = "searchable";

    public void Configure(EntityTypeBuilder<SearchProduct> builder)
    {
        builder.ToTable(SearchProjection.Table, t => t.HasComment("Product search projection, rebuilt asynchronously from Catalog's product events and Sellers' store events (docs/catalog-search.md)."));
        builder.HasKey(p => p.ProductId);
        builder.Property(p => p.ProductId).ValueGeneratedNever();
        builder.Property(p => p.Title).HasColumnType("text");
        builder.Property(p => p.Slug).HasColumnType("text").HasDefaultValue("");
        builder.Property(p => p.Currency).HasColumnType("character(3)");
        builder.Property(p => p.CategoryPath).HasColumnType("text");
        builder.Property(p => p.StoreName).HasColumnType("text");
        builder.Property(p => p.StoreStatus).HasMaxLength(16);
        builder.Property(p => p.ProductStatus).HasMaxLength(16);
        builder.Property(p => p.Location).HasColumnType("geography(Point,4326)");
        builder.Property(p => p.SearchVector).HasColumnType("tsvector");
        builder.Property(p => p.InStock).HasDefaultValue(false);
        // Radius (ST_DWithin) and nearest-first (KNN <->) over searchable rows only.
        builder.HasIndex(p => p.Location).HasMethod("gist").HasFilter(SearchableFilter).HasDatabaseName("ix_search_products_location");
        builder.HasIndex(p => p.SearchVector).HasMethod("gin").HasFilter(SearchableFilter).HasDatabaseName("ix_search_products_search_vector");
        // A store's rows are rebuilt together when it moves, closes or is renamed.
        builder.HasIndex(p => p.StoreId).HasDatabaseName("ix_search_products_store_id");
        // The candidates path (SearchSql) reads a store's searchable rows with everything the filters, sort keys and
        // facets read from ix_search_products_nearby, so they come from index pages alone (index-only scan) — no table
        // page per row in the radius. It includes the generated price_bucket, so it is raw SQL (migration
        // SearchPriceBucket), outside this model, as are category_key and ix_search_products_by_category.
        // A page by price or by publication time: each store's rows in that order, so a store gives only its first
        // rows after the cursor (SearchSql), not all of them.
        builder.HasIndex(p => new { p.StoreId, p.MinPrice, p.ProductId }, "ix_search_products_by_price")
            .IncludeProperties(p => new { p.PublishedAt, p.CategoryId, p.InStock })
            .HasFilter(SearchableFilter)
            .HasDatabaseName("ix_search_products_by_price");
        builder.HasIndex(p => new { p.StoreId, p.PublishedAt, p.ProductId }, "ix_search_products_by_newest")
            .IncludeProperties(p => new { p.MinPrice, p.CategoryId, p.InStock })
            .HasFilter(SearchableFilter)
            .HasDatabaseName("ix_search_products_by_newest");
    }
}

internal sealed class VariantStockConfiguration : IEntityTypeConfiguration<VariantStock>
{
    public void Configure(EntityTypeBuilder<VariantStock> builder)
    {
        builder.ToTable("variant_stock", t => t.HasComment("Catalog's copy of Inventory's availability per variant, fed by stock_changed.v1."));
        builder.HasKey(v => v.VariantId);
        builder.Property(v => v.VariantId).ValueGeneratedNever();
        builder.HasIndex(v => v.ProductId);
    }
}

internal sealed class SearchReindexConfiguration : IEntityTypeConfiguration<SearchReindex>
{
    public void Configure(EntityTypeBuilder<SearchReindex> builder)
    {
        builder.ToTable("search_reindexes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(100);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.HasIndex(r => r.Status);
    }
}

internal sealed class SearchReindexBatchConfiguration : IEntityTypeConfiguration<SearchReindexBatch>
{
    public void Configure(EntityTypeBuilder<SearchReindexBatch> builder)
    {
        builder.ToTable("search_reindex_batches");
        builder.HasKey(b => new { b.ReindexId, b.Batch });
    }
}
