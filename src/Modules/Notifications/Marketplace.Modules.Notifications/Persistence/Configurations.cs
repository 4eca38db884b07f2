using Marketplace.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Notifications.Persistence;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.Template).HasMaxLength(100);
        builder.Property(n => n.Locale).HasMaxLength(35);
        builder.Property(n => n.RecipientEmail).HasMaxLength(320);
        builder.Property(n => n.IdempotencyKey).HasMaxLength(200);
        builder.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.DataJson).HasColumnType("jsonb");
        builder.HasIndex(n => n.IdempotencyKey).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.Id }).HasFilter("in_feed");
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("deliveries");
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        builder.HasIndex(d => new { d.State, d.Id });
    }
}

internal sealed class PreferenceConfiguration : IEntityTypeConfiguration<Preference>
{
    public void Configure(EntityTypeBuilder<Preference> builder)
    {
        builder.ToTable("preferences");
        builder.HasKey(p => new { p.UserId, p.Channel, p.Category });
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Category).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class DeviceTokenConfiguration : IEntityTypeConfiguration<DeviceToken>
{
    public void Configure(EntityTypeBuilder<DeviceToken> builder)
    {
        builder.ToTable("device_tokens");
        builder.Property(d => d.DeviceId).HasMaxLength(200);
        builder.Property(d => d.Platform).HasMaxLength(10);
        builder.Property(d => d.Token).HasMaxLength(4096);
        builder.Property(d => d.InvalidReason).HasMaxLength(200);
        builder.HasIndex(d => new { d.UserId, d.DeviceId }).IsUnique();
        builder.HasIndex(d => d.Token);
    }
}

internal sealed class PushSendConfiguration : IEntityTypeConfiguration<PushSend>
{
    public void Configure(EntityTypeBuilder<PushSend> builder)
    {
        builder.ToTable("push_sends");
        builder.HasKey(p => new { p.DeliveryId, p.DeviceTokenId });
    }
}

internal sealed class ModuleKeyConfiguration : IEntityTypeConfiguration<ModuleKey>
{
    public void Configure(EntityTypeBuilder<ModuleKey> builder)
    {
        builder.ToTable("module_keys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(64);
    }
}

internal sealed class FollowerDigestConfiguration : IEntityTypeConfiguration<FollowerDigest>
{
    public void Configure(EntityTypeBuilder<FollowerDigest> builder)
    {
        builder.ToTable("follower_digests");
        builder.Property(d => d.State).HasMaxLength(10);
        builder.Property(d => d.ProductTitle).HasMaxLength(300);
        builder.Property(d => d.Outcome).HasMaxLength(100);
        // One open window per store: concurrent consumers (two hosts) insert-or-join the same row.
        builder.HasIndex(d => d.StoreId).IsUnique().HasFilter("state = 'OPEN'").HasDatabaseName("ux_follower_digests_open_store");
        builder.HasIndex(d => new { d.State, d.ClosesAt });
    }
}

internal sealed class FollowerDigestProductConfiguration : IEntityTypeConfiguration<FollowerDigestProduct>
{
    public void Configure(EntityTypeBuilder<FollowerDigestProduct> builder)
    {
        builder.ToTable("follower_digest_products");
        builder.HasKey(p => p.ProductId);
        builder.HasIndex(p => p.DigestId);
    }
}
