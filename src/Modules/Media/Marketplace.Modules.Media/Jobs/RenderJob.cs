using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Processing.FinishRender;
using Marketplace.Modules.Media.Processing.StartRender;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Video;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Media.Jobs;

/// <summary>
/// Renders one uploaded version on the Media module's Hangfire queue: claims it (StartRender), runs the image or
/// video pipeline outside any transaction (minutes for a video), and records the outcome (FinishRender). A refusal of
/// the file (<see cref="MediaException"/>: corrupt, pixel bomb, no video stream, over the caps, encoder failure or time
/// limit) is final: the asset is FAILED and the pipeline has deleted the raw object and partial renditions. Anything
/// else (storage or database down) propagates, and Hangfire retries with backoff; after
/// <see cref="MediaLifecycleOptions.MaxAttempts"/> claims the asset is FAILED with RENDER_FAILED. On success the raw
/// upload (which still carries the camera's metadata, GPS included) is deleted: only the renditions stay.
/// </summary>
internal sealed partial class RenderJob(
    ISender mediator, IMediaStorage storage, ImageProcessor images, VideoProcessor videos, MediaOptions options, ILogger<RenderJob> logger)
{
    // Hangfire passes its shutdown token (by type); the name avoids the scheduler's guard against secret-like arguments.
    public async Task RunAsync(Guid assetId, int version, CancellationToken shutdown)
    {
        var claim = await mediator.Send(new StartRenderCommand(assetId, version), shutdown);
        if (claim is null)
        {
            LogSkipped(logger, assetId, version);
            return;
        }

        if (claim.Attempts > options.Lifecycle.MaxAttempts)
        {
            await FinishAsync(claim, null, MediaErrorCodes.RenderFailed, $"Rendering did not finish after {options.Lifecycle.MaxAttempts} attempts; upload the file again.");
            await storage.DeleteAsync(StorageArea.Raw, claim.RawKey, CancellationToken.None);
            return;
        }

        var maxBytes = UploadRules.For(claim.Purpose, options.Uploads).MaxBytes;
        RenderResult rendered;
        try
        {
            rendered = claim.Kind == AssetKind.Video
                ? Result(await videos.ProcessAsync(assetId, claim.RawKey, claim.ContentType, maxBytes, version, shutdown))
                : Result(await images.ProcessAsync(assetId, claim.RawKey, claim.ContentType, maxBytes, version, shutdown));
        }
        catch (MediaException exception)
        {
            LogRefused(logger, assetId, version, exception.Code, exception.Message);
            await FinishAsync(claim, null, exception.Code, exception.Message);
            return;
        }

        if (await FinishAsync(claim, rendered, null, null))
        {
            await storage.DeleteAsync(StorageArea.Raw, claim.RawKey, CancellationToken.None);
            for (var older = 1; older < version; older++)
            {
                await storage.DeletePrefixAsync(StorageArea.Renditions, MediaKeys.ImagePrefix(assetId, older), CancellationToken.None);
                await storage.DeletePrefixAsync(StorageArea.Renditions, MediaKeys.VideoPrefix(assetId, older), CancellationToken.None);
            }
        }
        else
        {
            // Superseded or finished by another run meanwhile: what this run stored belongs to nobody.
            await storage.DeletePrefixAsync(StorageArea.Renditions, claim.Kind == AssetKind.Video ? MediaKeys.VideoPrefix(assetId, version) : MediaKeys.ImagePrefix(assetId, version), CancellationToken.None);
        }
    }

    // The outcome is recorded even while the host stops: the work is done and must not be redone.
    private async Task<bool> FinishAsync(RenderClaim claim, RenderResult? rendered, string? code, string? message) =>
        await mediator.Send(new FinishRenderCommand(claim.AssetId, claim.Version, rendered, code, message), CancellationToken.None);

    private static RenderResult Result(ProcessedImage image) => new(
        image.Width, image.Height, null, image.DominantColor, image.Renditions.Select(File).ToList(), [], null);

    private static RenderResult Result(ProcessedVideo video) => new(
        video.Width, video.Height, video.Duration.TotalSeconds, video.PosterColor, [], video.Poster.Select(File).ToList(),
        new HlsPackage(video.MasterKey, video.Rungs.Select(r => new HlsPackageRung(r.Name, r.Width, r.Height, r.VideoKbps)).ToList()));

    private static StoredFile File(StoredRendition rendition) =>
        new(rendition.Key, rendition.ContentType == "image/avif" ? "AVIF" : "WEBP", rendition.Width, rendition.Height, rendition.Bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Render of asset {AssetId} version {Version} skipped: not waiting any more")]
    private static partial void LogSkipped(ILogger logger, Guid assetId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Asset {AssetId} version {Version} refused: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid assetId, int version, string code, string reason);
}
