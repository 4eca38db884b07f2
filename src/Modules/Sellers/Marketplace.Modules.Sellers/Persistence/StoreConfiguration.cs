using System.Text.Json;
using Marketplace.Modules.Sellers.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Sellers.Persistence;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(StoreRules.MaxNameLength);
        builder.Property(s => s.Slug).HasMaxLength(StoreRules.MaxSlugLength);
        builder.Property(s => s.Description).HasMaxLength(StoreRules.MaxDescriptionLength);
        builder.Property(s => s.ContactEmail).HasMaxLength(StoreRules.MaxEmailLength);
        builder.Property(s => s.ContactPhone).HasMaxLength(StoreRules.MaxPhoneLength);
        builder.Property(s => s.Address).HasMaxLength(StoreRules.MaxAddressLength);
        builder.Property(s => s.Status).HasMaxLength(16);
        builder.Property(s => s.StatusBeforeSuspension).HasMaxLength(16);
        builder.Property(s => s.SuspensionReason).HasMaxLength(StoreRules.MaxSuspensionReasonLength);
        builder.Property(s => s.Location).HasColumnType("geography(Point,4326)");
        builder.Property(s => s.Categories).HasColumnType("text[]").HasDefaultValueSql("'{}'::text[]");
        builder.Property(s => s.OpeningHours)
            .HasColumnType("jsonb")
            .HasDefaultValueSql("'[]'::jsonb")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<OpeningInterval>>(v, Json) ?? new List<OpeningInterval>(),
                new ValueComparer<List<OpeningInterval>>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (hash, i) => HashCode.Combine(hash, i.GetHashCode())),
                    v => v.ToList()));
        builder.Property(s => s.Logo).HasMaxLength(Marketplace.Shared.Media.MediaReference.MaxUrlLength);
        builder.Property(s => s.Banner).HasMaxLength(Marketplace.Shared.Media.MediaReference.MaxUrlLength);
        // Guards against a lost update even outside the row lock the editor takes (UPDATE ... WHERE version = @old).
        builder.Property(s => s.Version).HasDefaultValue(1L).IsConcurrencyToken();
        builder.Property(s => s.FollowersCount).HasDefaultValue(0L);
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.SellerId);
        builder.HasIndex(s => s.Location).HasMethod("gist");
    }
}

internal sealed class StoreFollowConfiguration : IEntityTypeConfiguration<StoreFollow>
{
    public void Configure(EntityTypeBuilder<StoreFollow> builder)
    {
        builder.ToTable("store_follows");
        // One row per user and store: the primary key makes a repeated follow a no-op, even concurrently.
        builder.HasKey(f => new { f.UserId, f.StoreId });
        builder.HasIndex(f => f.StoreId);
        // viewer.followedStores: newest first, keyset on (followed_at, store_id).
        builder.HasIndex(f => new { f.UserId, f.FollowedAt, f.StoreId }).IsDescending(false, true, true);
    }
}
