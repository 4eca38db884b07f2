using System.Globalization;
using NetVips;

namespace Marketplace.Modules.Media.Images;

/// <summary>One encoded rendition.</summary>
internal sealed record ImageRendition(int Width, int Height, string Extension, string ContentType, byte[] Bytes);

internal sealed record RenderedImage(int Width, int Height, IReadOnlyList<ImageRendition> Renditions, string DominantColor);

/// <summary>
/// Renders an inspected image to the configured widths (longest edge, never upscaled) in AVIF and WebP: EXIF
/// orientation applied, colour converted to sRGB, metadata stripped (no EXIF, GPS or profiles leave the module),
/// first frame only for animations. The whole file is decoded with fail-on-truncated, so a damaged file is refused
/// (CORRUPT) instead of rendered half grey.
/// </summary>
internal sealed class ImageRenderer(MediaImageOptions options)
{
    public RenderedImage Render(string path, ImageInfo info, CancellationToken cancellationToken = default)
    {
        Vips.EnsureInitialised();
        var longest = Math.Max(info.Width, info.Height);
        var widths = options.Widths.Where(w => w > 0 && w <= longest).Distinct().Order().ToList();
        if (widths.Count == 0)
            widths.Add(longest); // smaller than the smallest rendition: one, at its own size

        var renditions = new List<ImageRendition>(widths.Count * 2);
        Image? largest = null;
        try
        {
            try
            {
                // One decode (with shrink-on-load where the format has it) to the largest rendition, kept in memory; the
                // smaller ones are resized from it. A sequential source cannot be read twice, hence the copy.
                using (var loaded = Thumbnail(path, widths[^1]))
                using (var srgb = ToSrgb8(loaded))
                using (var bare = WithoutMetadata(srgb))
                    largest = bare.CopyMemory();
            }
            catch (VipsException e)
            {
                throw ImageInspector.Classify(e, info.Format);
            }

            string dominant = "";
            for (var i = widths.Count - 1; i >= 0; i--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var sized = i == widths.Count - 1
                    ? largest.Copy()
                    : largest.ThumbnailImage(widths[i], height: widths[i], size: Enums.Size.Down).CopyMemory();
                renditions.Add(new ImageRendition(sized.Width, sized.Height, "avif", "image/avif", EncodeAvif(sized)));
                renditions.Add(new ImageRendition(sized.Width, sized.Height, "webp", "image/webp", EncodeWebp(sized)));
                if (i == 0)
                    dominant = DominantColor(sized);
            }

            renditions.Sort((a, b) => a.Width != b.Width ? a.Width.CompareTo(b.Width) : string.CompareOrdinal(a.Extension, b.Extension));
            return new RenderedImage(largest.Width, largest.Height, renditions, dominant);
        }
        finally
        {
            largest?.Dispose();
        }
    }

    /// <summary>
    /// vips_thumbnail from a file: fit inside width×width, never upscaled, EXIF-rotated, exported to sRGB, failing on a
    /// truncated file. Called by name because the profile option is <c>export_profile</c> before libvips 8.15 and
    /// <c>output_profile</c> after (NetVips' typed method only knows the new name).
    /// </summary>
    private static Image Thumbnail(string path, int width)
    {
        var thumbnailOptions = new VOption
        {
            { "height", width },
            { "size", Enums.Size.Down },
            { Vips.HasKeepOption ? "output_profile" : "export_profile", "srgb" },
            { "fail_on", Enums.FailOn.Truncated },
        };
        return (Image)Operation.Call("thumbnail", thumbnailOptions, path, width);
    }

    /// <summary>8-bit sRGB (with alpha when there is one): what AVIF and WebP get, whatever came in (CMYK, 16-bit, grey).</summary>
    private static Image ToSrgb8(Image image)
    {
        if (image.Interpretation == Enums.Interpretation.Srgb && image.Format == Enums.BandFormat.Uchar)
            return image.Copy();
        return image.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);
    }

    /// <summary>
    /// Drops EXIF (GPS, camera owner), XMP, IPTC and profiles from the image itself, so no saver can write them back
    /// (Debian's libvips 8.14 webpsave kept EXIF despite <c>strip</c>). Orientation was applied by the thumbnail.
    /// </summary>
    private static Image WithoutMetadata(Image image)
    {
        var fields = image.GetFields() ?? [];
        return image.Mutate(m =>
        {
            foreach (var field in fields)
            {
                if (field.StartsWith("exif", StringComparison.Ordinal) || field.StartsWith("xmp", StringComparison.Ordinal)
                    || field.StartsWith("iptc", StringComparison.Ordinal) || field.StartsWith("icc-profile", StringComparison.Ordinal)
                    || field == "orientation" || field.StartsWith("png-comment", StringComparison.Ordinal)
                    || field.StartsWith("heif-", StringComparison.Ordinal) || field.StartsWith("gif-", StringComparison.Ordinal))
                    m.Remove(field);
            }
        });
    }

    private byte[] EncodeAvif(Image image)
    {
        var saveOptions = new VOption { { "Q", options.AvifQuality }, { "effort", options.AvifEffort }, { "compression", Enums.ForeignHeifCompression.Av1 } };
        return image.WriteToBuffer(".avif", WithoutMetadata(saveOptions));
    }

    private byte[] EncodeWebp(Image image)
    {
        var saveOptions = new VOption { { "Q", options.WebpQuality }, { "effort", options.WebpEffort } };
        return WebpMetadata.Strip(image.WriteToBuffer(".webp", WithoutMetadata(saveOptions)));
    }

    /// <summary>libvips 8.14 (Debian) ignores <c>keep</c> silently; it needs <c>strip</c>.</summary>
    private static VOption WithoutMetadata(VOption saveOptions)
    {
        if (Vips.HasKeepOption)
            saveOptions.Add("keep", Enums.ForeignKeep.None);
        else
            saveOptions.Add("strip", true);
        return saveOptions;
    }

    /// <summary>The image's mean colour over white (for transparent parts), as <c>#rrggbb</c>: a placeholder while loading.</summary>
    private static string DominantColor(Image image)
    {
        using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
        var channels = new int[3];
        for (var band = 0; band < 3; band++)
        {
            using var plane = flat.ExtractBand(Math.Min(band, flat.Bands - 1));
            channels[band] = (int)Math.Clamp(Math.Round(plane.Avg()), 0, 255);
        }

        return string.Create(CultureInfo.InvariantCulture, $"#{channels[0]:x2}{channels[1]:x2}{channels[2]:x2}");
    }
}
