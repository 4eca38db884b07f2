using System.Text.Json;
using Marketplace.Modules.Catalog.Domain;
using Marketplace.Modules.Catalog.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Marketplace.Modules.Catalog.Persistence;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Title).HasMaxLength(CatalogRules.MaxTitleLength);
        builder.Property(p => p.Slug).HasMaxLength(ProductSlugs.MaxLength);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Description).HasMaxLength(CatalogRules.MaxDescriptionLength);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.Attributes).HasColumnType("jsonb").HasConversion(Json.Converter<Dictionary<string, string>>(), Json.Comparer<Dictionary<string, string>>());
        builder.Property(p => p.Options).HasColumnType("jsonb").HasConversion(Json.Converter<List<ProductOption>>(), Json.Comparer<List<ProductOption>>());
        builder.Property(p => p.Images).HasColumnType("text[]");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.MinPrice);
        builder.Ignore(p => p.MaxPrice);
        builder.Ignore(p => p.Currency);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Variants).WithOne().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        // store.products pages newest first (UUIDv7 ids follow creation time).
        builder.HasIndex(p => new { p.StoreId, p.Id });
        builder.HasIndex(p => p.CategoryId);
    }
}

internal sealed class ProductVariantConfiguration : IEntityTypeConfiguration<ProductVariant>
{
    public void Configure(EntityTypeBuilder<ProductVariant> builder)
    {
        builder.ToTable("product_variants");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Sku).HasMaxLength(CatalogRules.MaxSkuLength);
        // SKUs are printable ASCII (validated), so lower() here and ToLowerInvariant() in code agree.
        builder.Property(v => v.SkuKey).HasMaxLength(CatalogRules.MaxSkuLength).HasComputedColumnSql("lower(sku)", stored: true);
        builder.Property(v => v.OptionValues).HasColumnType("jsonb").HasConversion(Json.Converter<Dictionary<string, string>>(), Json.Comparer<Dictionary<string, string>>());
        builder.Property(v => v.Currency).HasColumnType("character(3)");
        builder.Property(v => v.Barcode).HasMaxLength(CatalogRules.MaxBarcodeLength);
        builder.HasIndex(v => new { v.StoreId, v.SkuKey }).IsUnique();
        builder.HasIndex(v => v.ProductId);
    }
}

/// <summary>jsonb columns of small value objects: System.Text.Json, compared by their JSON text.</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<T, string> Converter<T>()
        where T : class, new() =>
        new(value => JsonSerializer.Serialize(value, Options), text => JsonSerializer.Deserialize<T>(text, Options) ?? new T());

    public static ValueComparer<T> Comparer<T>()
        where T : class, new() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
            value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options) ?? new T());
}
