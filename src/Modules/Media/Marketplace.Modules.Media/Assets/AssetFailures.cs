using Marketplace.Modules.Media.Contracts.Events;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;

namespace Marketplace.Modules.Media.Assets;

/// <summary>An asset becomes FAILED with a reason, and <c>asset_failed.v1</c> says so (in the caller's transaction).</summary>
internal static class AssetFailures
{
    public const int MaxMessageLength = 1000;

    public static void Fail(MediaDbContext db, MediaAsset asset, string code, string message, DateTimeOffset now)
    {
        asset.Status = AssetStatus.Failed;
        asset.FailureCode = code;
        asset.FailureMessage = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
        asset.UpdatedAt = now;
        asset.UnreferencedSince ??= now;
        db.AddEvent(new AssetFailed(asset.Id, asset.OwnerId, asset.StoreId, asset.ProductId, asset.Purpose, code, asset.Version, now));
    }
}
