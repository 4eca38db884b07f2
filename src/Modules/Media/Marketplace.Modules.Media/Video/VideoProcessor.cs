using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;

namespace Marketplace.Modules.Media.Video;

internal sealed record ProcessedVideo(string MasterKey, TimeSpan Duration, int Width, int Height, IReadOnlyList<RenderedRung> Rungs, IReadOnlyList<StoredRendition> Poster, int FileCount, string PosterColor = "");

/// <summary>
/// Finalises an uploaded video: HEAD (size cap), download, magic bytes against the declared type, the probe gate,
/// the HLS ladder and a poster (rendered to AVIF/WebP like any image), all stored under a versioned prefix. A refused
/// or failed render deletes what it stored and the raw object (as images do); storage failures keep the raw object.
/// </summary>
internal sealed class VideoProcessor(IMediaStorage storage, VideoProbe probe, HlsRenderer renderer, ImageInspector imageInspector, ImageRenderer imageRenderer)
{
    public async Task<ProcessedVideo> ProcessAsync(Guid assetId, string rawKey, string declaredContentType, long maxBytes, int version, CancellationToken cancellationToken)
    {
        var prefix = MediaKeys.VideoPrefix(assetId, version);
        var work = Directory.CreateTempSubdirectory("media-video-");
        try
        {
            var head = await storage.HeadAsync(StorageArea.Raw, rawKey, cancellationToken)
                ?? throw new MediaException(MediaErrorCodes.NotFound, "The upload is not in storage.");
            if (head.Length > maxBytes)
                throw new MediaException(MediaErrorCodes.TooLarge, $"The video has {head.Length} bytes; at most {maxBytes} are accepted.");

            var sniffed = MediaSniffer.Sniff(await storage.ReadPrefixAsync(StorageArea.Raw, rawKey, MediaSniffer.HeadLength, cancellationToken));
            if (MediaSniffer.KindOf(sniffed) != MediaKind.Video)
                throw new MediaException(MediaErrorCodes.UnsupportedFormat, "The file is not an MP4, MOV, WebM or Matroska video.");
            if (sniffed != MediaSniffer.FromContentType(declaredContentType))
                throw new MediaException(MediaErrorCodes.ContentTypeMismatch, $"The file is {MediaSniffer.ContentTypeOf(sniffed)}, not {declaredContentType}.");

            var source = Path.Combine(work.FullName, "source");
            await storage.DownloadToFileAsync(StorageArea.Raw, rawKey, source, cancellationToken);
            var info = await probe.ProbeAsync(source, sniffed, cancellationToken);
            var output = Path.Combine(work.FullName, "hls");
            var rendered = await renderer.RenderAsync(source, info, output, cancellationToken);

            var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Where(f => f != rendered.PosterPath).ToList();
            foreach (var file in files)
            {
                var relative = Path.GetRelativePath(output, file).Replace(Path.DirectorySeparatorChar, '/');
                await storage.PutFileAsync(StorageArea.Renditions, prefix + relative, file, ContentTypeOf(file), MediaKeys.ImmutableCacheControl, cancellationToken);
            }

            var posterInfo = imageInspector.Inspect(rendered.PosterPath, "image/jpeg", long.MaxValue);
            var poster = imageRenderer.Render(rendered.PosterPath, posterInfo, cancellationToken);
            var posterRenditions = new List<StoredRendition>();
            foreach (var rendition in poster.Renditions)
            {
                var key = $"{prefix}poster/w{rendition.Width}.{rendition.Extension}";
                using var content = new MemoryStream(rendition.Bytes, writable: false);
                await storage.PutAsync(StorageArea.Renditions, key, content, rendition.ContentType, MediaKeys.ImmutableCacheControl, cancellationToken);
                posterRenditions.Add(new StoredRendition(key, rendition.Width, rendition.Height, rendition.ContentType, rendition.Bytes.Length));
            }

            return new ProcessedVideo(prefix + HlsRenderer.MasterPlaylist, info.Duration, info.Width, info.Height, rendered.Rungs, posterRenditions, files.Count + posterRenditions.Count, poster.DominantColor);
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

    public static string ContentTypeOf(string file) => Path.GetExtension(file) switch
    {
        ".m3u8" => "application/vnd.apple.mpegurl",
        ".m4s" => "video/iso.segment",
        ".mp4" => "video/mp4",
        ".jpg" => "image/jpeg",
        _ => "application/octet-stream",
    };
}
