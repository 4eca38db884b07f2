using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Storage;

namespace Marketplace.Modules.Media.Images;

/// <summary>A stored rendition of an image.</summary>
internal sealed record StoredRendition(string Key, int Width, int Height, string ContentType, long Bytes);

internal sealed record ProcessedImage(int Width, int Height, string SourceContentType, string DominantColor, IReadOnlyList<StoredRendition> Renditions);

/// <summary>
/// Finalises an uploaded image: fetches the raw object, inspects it (size, magic bytes against the declared type,
/// loader, pixel cap), renders the renditions and stores them under a versioned prefix with immutable cache headers.
/// A refused upload (<see cref="MediaException"/>) leaves nothing: its renditions and the raw object are deleted.
/// Any other failure (storage down) removes partial renditions but keeps the raw object for a retry.
/// </summary>
internal sealed class ImageProcessor(IMediaStorage storage, ImageInspector inspector, ImageRenderer renderer, MediaImageOptions options) : IDisposable
{
    private readonly SemaphoreSlim _renders = new(Math.Max(1, options.MaxConcurrentRenders));

    public async Task<ProcessedImage> ProcessAsync(Guid assetId, string rawKey, string declaredContentType, long maxBytes, int version, CancellationToken cancellationToken)
    {
        var prefix = MediaKeys.ImagePrefix(assetId, version);
        var work = Directory.CreateTempSubdirectory("media-image-");
        try
        {
            // HEAD first: an oversized object is refused before a byte of it is downloaded.
            var head = await storage.HeadAsync(StorageArea.Raw, rawKey, cancellationToken)
                ?? throw new MediaException(MediaErrorCodes.NotFound, "The upload is not in storage.");
            if (head.Length > maxBytes)
                throw new MediaException(MediaErrorCodes.TooLarge, $"The image has {head.Length} bytes; at most {maxBytes} are accepted.");

            var source = Path.Combine(work.FullName, "source");
            await storage.DownloadToFileAsync(StorageArea.Raw, rawKey, source, cancellationToken);

            RenderedImage rendered;
            ImageInfo info;
            await _renders.WaitAsync(cancellationToken);
            try
            {
                info = inspector.Inspect(source, declaredContentType, maxBytes);
                rendered = await Task.Run(() => renderer.Render(source, info, cancellationToken), cancellationToken);
            }
            finally
            {
                _renders.Release();
            }

            var stored = new List<StoredRendition>(rendered.Renditions.Count);
            foreach (var rendition in rendered.Renditions)
            {
                var key = MediaKeys.Image(assetId, version, rendition.Width, rendition.Extension);
                using var content = new MemoryStream(rendition.Bytes, writable: false);
                await storage.PutAsync(StorageArea.Renditions, key, content, rendition.ContentType, MediaKeys.ImmutableCacheControl, cancellationToken);
                stored.Add(new StoredRendition(key, rendition.Width, rendition.Height, rendition.ContentType, rendition.Bytes.Length));
            }

            return new ProcessedImage(rendered.Width, rendered.Height, Uploads.MediaSniffer.ContentTypeOf(info.Format), rendered.DominantColor, stored);
        }
        catch (MediaException)
        {
            await storage.DeletePrefixAsync(StorageArea.Renditions, prefix, CancellationToken.None);
            await storage.DeleteAsync(StorageArea.Raw, rawKey, CancellationToken.None);
            throw;
        }
        catch
        {
            await storage.DeletePrefixAsync(StorageArea.Renditions, prefix, CancellationToken.None);
            throw;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    public void Dispose() => _renders.Dispose();
}
