using Marketplace.Modules.Media.Domain;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Persistence;

internal sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "media";

    public DbSet<MediaAsset> Assets => Set<MediaAsset>();

    public DbSet<AssetReference> References => Set<AssetReference>();

    public DbSet<ReferenceHolder> Holders => Set<ReferenceHolder>();
}
