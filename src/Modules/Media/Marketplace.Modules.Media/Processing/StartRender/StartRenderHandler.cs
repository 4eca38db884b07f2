using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Mediator;

namespace Marketplace.Modules.Media.Processing.StartRender;

/// <summary>
/// UPLOADED (or PROCESSING, when a worker died or was stopped mid-render) becomes PROCESSING with one more attempt, on
/// the locked row: a duplicate job finds the version finished and does nothing.
/// </summary>
internal sealed class StartRenderHandler(MediaDbContext db, TimeProvider clock) : ICommandHandler<StartRenderCommand, RenderClaim?>
{
    public async ValueTask<RenderClaim?> Handle(StartRenderCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.LockAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.Version != command.Version || asset.Status is not (AssetStatus.Uploaded or AssetStatus.Processing))
            return null;
        asset.Status = AssetStatus.Processing;
        asset.Attempts++;
        asset.UpdatedAt = clock.GetUtcNow();
        return new RenderClaim(asset.Id, asset.Version, asset.Kind, asset.Purpose, asset.RawKey, asset.ContentType, asset.Attempts);
    }
}
