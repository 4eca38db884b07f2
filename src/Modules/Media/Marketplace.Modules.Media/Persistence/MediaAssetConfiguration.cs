using System.Text.Json;
using Marketplace.Modules.Media.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Media.Persistence;

internal sealed class MediaAssetConfiguration : IEntityTypeConfiguration<MediaAsset>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<MediaAsset> builder)
    {
        builder.ToTable("assets", table =>
        {
            table.HasCheckConstraint("ck_assets_status", $"status IN ({string.Join(", ", AssetStatus.All.Select(s => $"'{s}'"))})");
            table.HasCheckConstraint("ck_assets_purpose", $"purpose IN ({string.Join(", ", AssetPurpose.All.Select(p => $"'{p}'"))})");
            table.HasCheckConstraint("ck_assets_kind", $"kind IN ('{AssetKind.Image}', '{AssetKind.Video}')");
            table.HasCheckConstraint("ck_assets_declared_bytes", "declared_bytes > 0");
            table.HasCheckConstraint("ck_assets_version", "version >= 0");
        });
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Purpose).HasMaxLength(20);
        builder.Property(a => a.Kind).HasMaxLength(10);
        builder.Property(a => a.Status).HasMaxLength(12);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.RawKey).HasMaxLength(200);
        builder.Property(a => a.MultipartUploadId).HasMaxLength(1024);
        builder.Property(a => a.ObjectEtag).HasMaxLength(200);
        builder.Property(a => a.Placeholder).HasMaxLength(7);
        builder.Property(a => a.FailureCode).HasMaxLength(40);
        builder.Property(a => a.FailureMessage).HasMaxLength(1000);
        JsonColumn<List<StoredFile>>(builder.Property(a => a.Renditions), "'[]'::jsonb", () => []);
        JsonColumn<List<StoredFile>>(builder.Property(a => a.Poster), "'[]'::jsonb", () => []);
        builder.Property(a => a.Hls)
            .HasColumnType("jsonb")
            .HasConversion(
                v => v == null ? null : JsonSerializer.Serialize(v, JsonOptions),
                v => v == null ? null : JsonSerializer.Deserialize<HlsPackage>(v, JsonOptions));

        // Storage events find their asset by key.
        builder.HasIndex(a => a.RawKey).IsUnique();
        // The per-owner upload budget counts recent uploads.
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt });
        // The sweeps: PENDING uploads past their expiry, unreferenced assets past the grace period.
        builder.HasIndex(a => a.UploadExpiresAt).HasFilter("status = 'PENDING'").HasDatabaseName("ix_assets_pending_expiry");
        builder.HasIndex(a => a.UnreferencedSince).HasFilter("unreferenced_since IS NOT NULL AND status IN ('READY', 'FAILED')").HasDatabaseName("ix_assets_unreferenced");
    }

    private static void JsonColumn<T>(PropertyBuilder<T> property, string defaultSql, Func<T> empty)
        where T : class, IEnumerable<StoredFile>
    {
        property
            .HasColumnType("jsonb")
            .HasDefaultValueSql(defaultSql)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonOptions),
                v => JsonSerializer.Deserialize<T>(v, JsonOptions) ?? empty(),
                new ValueComparer<T>(
                    (a, b) => a!.SequenceEqual(b!),
                    v => v.Aggregate(0, (hash, f) => HashCode.Combine(hash, f.GetHashCode())),
                    v => (T)(object)v.ToList()));
    }
}

internal sealed class AssetReferenceConfiguration : IEntityTypeConfiguration<AssetReference>
{
    public void Configure(EntityTypeBuilder<AssetReference> builder)
    {
        builder.ToTable("asset_references");
        builder.HasKey(r => new { r.HolderKind, r.HolderId, r.AssetId });
        builder.Property(r => r.HolderKind).HasMaxLength(10);
        // "Is this asset referenced at all?" No foreign key: a reference may name an asset created later (demo data)
        // or one already deleted.
        builder.HasIndex(r => r.AssetId);
    }
}

internal sealed class ReferenceHolderConfiguration : IEntityTypeConfiguration<ReferenceHolder>
{
    public void Configure(EntityTypeBuilder<ReferenceHolder> builder)
    {
        builder.ToTable("reference_holders");
        builder.HasKey(h => new { h.Kind, h.Id });
        builder.Property(h => h.Kind).HasMaxLength(10);
    }
}
