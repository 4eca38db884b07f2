using Grpc.Core;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Media.Assets;

/// <summary>Finding assets: ids from requests, the not-found answer, and the row lock of commands.</summary>
internal static class AssetRows
{
    /// <summary>A malformed id is an asset that does not exist (the contract answers NotFound, as for an unknown one).</summary>
    public static Guid ParseId(string id) => Guid.TryParse(id, out var assetId) ? assetId : throw NotFound();

    public static RpcException NotFound() => ContractError.NotFound(MediaErrorCodes.AssetNotFound, "No such asset, or not one you may see.");

    /// <summary>The asset, locked until the command's transaction ends (completions and the render job queue up behind it).</summary>
    public static Task<MediaAsset?> LockAsync(this MediaDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.Assets.FromSql($"SELECT * FROM media.assets WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    public static Task<MediaAsset?> LockByKeyAsync(this MediaDbContext db, string rawKey, CancellationToken cancellationToken) =>
        db.Assets.FromSql($"SELECT * FROM media.assets WHERE raw_key = {rawKey} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
