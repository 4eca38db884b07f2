using Marketplace.Modules.Sellers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Sellers.Persistence;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(StoreRules.MaxNameLength);
        builder.Property(s => s.Slug).HasMaxLength(StoreRules.MaxSlugLength);
        builder.Property(s => s.Description).HasMaxLength(StoreRules.MaxDescriptionLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(254);
        builder.Property(s => s.ContactPhone).HasMaxLength(32);
        builder.Property(s => s.Address).HasMaxLength(StoreRules.MaxAddressLength);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.Location).HasColumnType("geography(Point,4326)");
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.SellerId);
        builder.HasIndex(s => s.Location).HasMethod("gist");
    }
}

/// <summary>Bounds shared by validation and the schema.</summary>
internal static class StoreRules
{
    public const int MaxNameLength = 100;
    public const int MinSlugLength = 3;
    public const int MaxSlugLength = 60;
    public const int MaxDescriptionLength = 2000;
    public const int MaxAddressLength = 300;
    public const int MaxStoresPerSeller = 10;
    public const double MaxServiceRadiusKm = 200;
    public const double MaxSearchRadiusKm = 500;
}
