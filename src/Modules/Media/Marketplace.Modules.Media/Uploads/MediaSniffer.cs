using System.Text;

namespace Marketplace.Modules.Media.Uploads;

/// <summary>Formats recognised from an object's first bytes: never from a file name or a client's Content-Type.</summary>
internal enum SniffedFormat
{
    Unknown,
    Jpeg,
    Png,
    Gif,
    WebP,
    Avif,
    Heic,
    /// <summary>ISO base media (MP4, QuickTime MOV, 3GP).</summary>
    Mp4,
    /// <summary>Matroska and WebM.</summary>
    Matroska,
}

internal enum MediaKind
{
    Image,
    Video,
}

internal static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs to see.</summary>
    public const int HeadLength = 64;

    private static readonly Dictionary<string, SniffedFormat> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = SniffedFormat.Jpeg,
        ["image/png"] = SniffedFormat.Png,
        ["image/gif"] = SniffedFormat.Gif,
        ["image/webp"] = SniffedFormat.WebP,
        ["image/avif"] = SniffedFormat.Avif,
        ["image/heic"] = SniffedFormat.Heic,
        ["image/heif"] = SniffedFormat.Heic,
        ["video/mp4"] = SniffedFormat.Mp4,
        ["video/quicktime"] = SniffedFormat.Mp4,
        ["video/webm"] = SniffedFormat.Matroska,
        ["video/x-matroska"] = SniffedFormat.Matroska,
    };

    /// <summary>The content types clients may declare for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> AcceptedContentTypes(MediaKind kind) =>
        ContentTypes.Where(p => KindOf(p.Value) == kind).Select(p => p.Key).ToList();

    /// <summary>The format a declared content type stands for (parameters ignored), or Unknown when not accepted.</summary>
    public static SniffedFormat FromContentType(string? contentType)
    {
        var bare = contentType?.Split(';', 2)[0].Trim() ?? "";
        return ContentTypes.GetValueOrDefault(bare, SniffedFormat.Unknown);
    }

    public static MediaKind? KindOf(SniffedFormat format) => format switch
    {
        SniffedFormat.Unknown => null,
        SniffedFormat.Mp4 or SniffedFormat.Matroska => MediaKind.Video,
        _ => MediaKind.Image,
    };

    public static string ContentTypeOf(SniffedFormat format) => format switch
    {
        SniffedFormat.Jpeg => "image/jpeg",
        SniffedFormat.Png => "image/png",
        SniffedFormat.Gif => "image/gif",
        SniffedFormat.WebP => "image/webp",
        SniffedFormat.Avif => "image/avif",
        SniffedFormat.Heic => "image/heic",
        SniffedFormat.Mp4 => "video/mp4",
        SniffedFormat.Matroska => "video/x-matroska",
        _ => "application/octet-stream",
    };

    public static SniffedFormat Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return SniffedFormat.Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return SniffedFormat.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
            return SniffedFormat.Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
            return SniffedFormat.WebP;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
            return SniffedFormat.Matroska;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return SniffIsoBmff(head);
        return SniffedFormat.Unknown;
    }

    /// <summary>An ISO-BMFF <c>ftyp</c> box: the major brand, then the compatible brands, decide.</summary>
    private static SniffedFormat SniffIsoBmff(ReadOnlySpan<byte> head)
    {
        var boxSize = (head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
        var end = Math.Min(head.Length, boxSize is >= 16 and <= 4096 ? boxSize : 16);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var at = 16; at + 4 <= end; at += 4)
            brands.Add(Encoding.ASCII.GetString(head[at..(at + 4)]));

        foreach (var brand in brands)
        {
            switch (brand)
            {
                case "avif" or "avis":
                    return SniffedFormat.Avif;
                case "heic" or "heix" or "heim" or "heis" or "hevc" or "hevx":
                    return SniffedFormat.Heic;
                case "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "M4V " or "qt  " or "3gp4" or "3gp5" or "3gp6" or "dash" or "MSNV":
                    return SniffedFormat.Mp4;
            }
        }

        // 'mif1' alone is a HEIF still image of some codec: libheif decides what it can decode.
        return brands.Contains("mif1") || brands.Contains("msf1") ? SniffedFormat.Heic : SniffedFormat.Unknown;
    }
}
