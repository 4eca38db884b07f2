using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Uploads;
using NetVips;

namespace Marketplace.Modules.Media.Images;

/// <summary>What an accepted image is, read from its header.</summary>
internal sealed record ImageInfo(SniffedFormat Format, int Width, int Height, string Loader, long Bytes);

/// <summary>
/// Checks an uploaded image before any pixel is decoded: size on disk, magic bytes against the declared type, the
/// loader (allow-list) and the pixel count from the header. A 20000×20000 PNG is 390 KB on disk and 1.6 GB decoded;
/// it is refused here (TOO_MANY_PIXELS) for the price of reading its header.
/// </summary>
internal sealed class ImageInspector(MediaImageOptions options)
{
    public ImageInfo Inspect(string path, string declaredContentType, long maxBytes)
    {
        Vips.EnsureInitialised();
        var length = new FileInfo(path).Length;
        if (length > maxBytes)
            throw new MediaException(MediaErrorCodes.TooLarge, $"The image has {length} bytes; at most {maxBytes} are accepted.");
        if (length == 0)
            throw new MediaException(MediaErrorCodes.TooSmall, "The image is empty.");

        var head = new byte[MediaSniffer.HeadLength];
        using (var file = File.OpenRead(path))
            head = head[..file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        var format = MediaSniffer.Sniff(head);
        var declared = MediaSniffer.FromContentType(declaredContentType);
        if (MediaSniffer.KindOf(format) != MediaKind.Image)
            throw new MediaException(MediaErrorCodes.UnsupportedFormat, "The file is not a JPEG, PNG, WebP, AVIF, GIF or HEIC image.");
        if (format != declared)
            throw new MediaException(MediaErrorCodes.ContentTypeMismatch, $"The file is {MediaSniffer.ContentTypeOf(format)}, not {declaredContentType}.");

        Image header;
        try
        {
            // Lazy: libvips reads the header only; pixels are decoded when rendering.
            header = Image.NewFromFile(path, access: Enums.Access.Sequential);
        }
        catch (VipsException e)
        {
            throw Classify(e, format);
        }

        using (header)
        {
            var loader = header.Contains("vips-loader") ? (string)header.Get("vips-loader") : "";
            if (!Vips.AllowedLoaders.Contains(loader))
                throw new MediaException(MediaErrorCodes.UnsupportedFormat, $"The image needs the '{loader}' loader, which is not allowed.");
            var pixels = (long)header.Width * header.Height;
            if (pixels > options.MaxPixels || Math.Max(header.Width, header.Height) > options.MaxSide)
                throw new MediaException(MediaErrorCodes.TooManyPixels, $"The image is {header.Width}×{header.Height}; at most {options.MaxPixels} pixels and {options.MaxSide} px a side are accepted.");
            return new ImageInfo(format, header.Width, header.Height, loader, length);
        }
    }

    /// <summary>
    /// A libvips failure on upload input: the format cannot be handled here, or the file is damaged. Every loader error
    /// starts with "unable to call VipsForeignLoad…", so only the decoder's own words tell the two apart.
    /// </summary>
    public static MediaException Classify(VipsException e, SniffedFormat format)
    {
        var message = e.Message;
        if (message.Contains("not a known file format", StringComparison.OrdinalIgnoreCase)
            || message.Contains("is blocked", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Unsupported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not been built in", StringComparison.OrdinalIgnoreCase))
            return new MediaException(MediaErrorCodes.UnsupportedFormat, $"This {MediaSniffer.ContentTypeOf(format)} image cannot be decoded here.", e);
        return new MediaException(MediaErrorCodes.Corrupt, $"The {MediaSniffer.ContentTypeOf(format)} image is damaged or truncated.", e);
    }
}
