using Marketplace.Modules.Users.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Modules.Users.Persistence;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Role).HasMaxLength(16);
        builder.Property(u => u.Phone).HasMaxLength(20);
        builder.Property(u => u.PendingPhone).HasMaxLength(20);
        builder.Property(u => u.Email).HasMaxLength(254);
        builder.Property(u => u.PasswordHash).HasMaxLength(256);
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.Avatar).HasMaxLength(Marketplace.Shared.Media.MediaReference.MaxUrlLength);
        builder.HasIndex(u => u.Phone).IsUnique();
        // Unique among verified addresses only: an unverified claim (a registration or an email change not yet
        // confirmed) blocks nobody and reveals nothing; the owner's verification wins.
        builder.HasIndex(u => u.Email, "ix_users_email").HasDatabaseName("ix_users_email");
        builder.HasIndex(u => u.Email, "ix_users_verified_email").HasDatabaseName("ix_users_verified_email").IsUnique().HasFilter("email_verified_at IS NOT NULL");
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Device).HasMaxLength(256);
        builder.Property(s => s.Ip).HasMaxLength(64);
        builder.Property(s => s.RevokedReason).HasMaxLength(32);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.RevokedAt, "ix_sessions_revocation_mark_pending").HasDatabaseName("ix_sessions_revocation_mark_pending").HasFilter("revocation_mark_pending");
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.SessionId);
    }
}

internal sealed class LoginCodeConfiguration : IEntityTypeConfiguration<LoginCode>
{
    public void Configure(EntityTypeBuilder<LoginCode> builder)
    {
        builder.ToTable("login_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Purpose).HasMaxLength(16).HasDefaultValue(LoginCode.SignIn);
        builder.HasIndex(c => new { c.Phone, c.CreatedAt });
    }
}

internal sealed class EmailTokenConfiguration : IEntityTypeConfiguration<EmailToken>
{
    public void Configure(EntityTypeBuilder<EmailToken> builder)
    {
        builder.ToTable("email_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Purpose).HasMaxLength(32);
        builder.Property(t => t.Email).HasMaxLength(254);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasIndex(t => t.UserId);
    }
}

internal sealed class AuthThrottleConfiguration : IEntityTypeConfiguration<AuthThrottle>
{
    public void Configure(EntityTypeBuilder<AuthThrottle> builder)
    {
        builder.ToTable("auth_throttles");
        builder.HasKey(t => t.Subject);
        builder.Property(t => t.Subject).HasMaxLength(80);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Addresses.Address>
{
    public void Configure(EntityTypeBuilder<Addresses.Address> builder)
    {
        builder.ToTable("addresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Label).HasMaxLength(50);
        builder.Property(a => a.Recipient).HasMaxLength(100);
        builder.Property(a => a.Phone).HasMaxLength(20);
        builder.Property(a => a.City).HasMaxLength(100);
        builder.Property(a => a.Region).HasMaxLength(100);
        builder.Property(a => a.PostalCode).HasMaxLength(20);
        builder.Property(a => a.Country).HasMaxLength(2);
        builder.HasIndex(a => a.UserId, "ix_addresses_user_id");
        // At most one default address per buyer, whatever races.
        builder.HasIndex(a => a.UserId, "ix_addresses_one_default_per_user").HasFilter("is_default").IsUnique();
    }
}
