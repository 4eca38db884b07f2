using Marketplace.Modules.Catalog.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Catalog.Persistence;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("categories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(CatalogRules.MaxCategoryNameLength);
        builder.Property(c => c.Slug).HasMaxLength(CatalogRules.MaxSlugLength);
        builder.Property(c => c.Path).HasColumnType("text");
        builder.Ignore(c => c.Depth);
        builder.HasIndex(c => c.Slug).IsUnique();
        // Subtree filters are prefix matches on the path (path = X OR path LIKE X || '/%'): text_pattern_ops serves
        // LIKE 'prefix%' whatever the database collation.
        builder.HasIndex(c => c.Path).IsUnique().HasOperators("text_pattern_ops");
        builder.HasIndex(c => new { c.ParentId, c.Position });
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
