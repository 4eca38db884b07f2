using Marketplace.Modules.Notifications.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Persistence;

internal sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "notifications";

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<Preference> Preferences => Set<Preference>();

    public DbSet<DeviceToken> DeviceTokens => Set<DeviceToken>();

    public DbSet<PushSend> PushSends => Set<PushSend>();

    public DbSet<ModuleKey> ModuleKeys => Set<ModuleKey>();

    public DbSet<FollowerDigest> FollowerDigests => Set<FollowerDigest>();

    public DbSet<FollowerDigestProduct> FollowerDigestProducts => Set<FollowerDigestProduct>();
}
