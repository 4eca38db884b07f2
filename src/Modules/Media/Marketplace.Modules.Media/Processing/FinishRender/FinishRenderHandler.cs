using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Contracts.Events;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Persistence;
using Mediator;

namespace Marketplace.Modules.Media.Processing.FinishRender;

/// <summary>
/// READY with the renditions and <c>asset_ready.v1</c>, or FAILED with the reason and <c>asset_failed.v1</c>, in one
/// transaction with the events; only for the version still PROCESSING.
/// </summary>
internal sealed class FinishRenderHandler(MediaDbContext db, TimeProvider clock) : ICommandHandler<FinishRenderCommand, bool>
{
    public async ValueTask<bool> Handle(FinishRenderCommand command, CancellationToken cancellationToken)
    {
        var asset = await db.LockAsync(command.AssetId, cancellationToken);
        if (asset is null || asset.Version != command.Version || asset.Status != AssetStatus.Processing)
            return false;

        var now = clock.GetUtcNow();
        if (command.Rendered is not { } rendered)
        {
            AssetFailures.Fail(db, asset, command.FailureCode ?? Contracts.MediaErrorCodes.RenderFailed, command.FailureMessage ?? "Rendering failed.", now);
            return true;
        }

        asset.Status = AssetStatus.Ready;
        asset.Width = rendered.Width;
        asset.Height = rendered.Height;
        asset.DurationSeconds = rendered.DurationSeconds;
        asset.Placeholder = rendered.Placeholder;
        asset.Renditions = [.. rendered.Renditions];
        asset.Poster = [.. rendered.Poster];
        asset.Hls = rendered.Hls;
        asset.FailureCode = null;
        asset.FailureMessage = null;
        asset.ReadyAt = now;
        asset.UpdatedAt = now;
        db.AddEvent(new AssetReady(asset.Id, asset.OwnerId, asset.StoreId, asset.ProductId, asset.Purpose, asset.Kind, asset.Version, rendered.Width, rendered.Height, now));
        return true;
    }
}
