using System.Buffers.Binary;

namespace Marketplace.Modules.Media.Images;

/// <summary>
/// Removes EXIF, XMP and ICC chunks from a WebP file. Debian's libvips 8.14 webpsave writes an EXIF chunk even with
/// <c>strip</c> (regenerated from the image's resolution fields); renditions must carry no metadata at all.
/// </summary>
internal static class WebpMetadata
{
    private const byte IccFlag = 0x20, ExifFlag = 0x08, XmpFlag = 0x04;

    public static byte[] Strip(byte[] webp)
    {
        if (webp.Length < 12 || !webp.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !webp.AsSpan(8, 4).SequenceEqual("WEBP"u8))
            throw new ArgumentException("Not a WebP file.", nameof(webp));

        using var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var at = 12;
        while (at + 8 <= webp.Length)
        {
            var fourCc = webp.AsSpan(at, 4);
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4, 4));
            var chunkLength = 8 + size + (size & 1);
            if (at + 8 + size > webp.Length)
                throw new ArgumentException("Truncated WebP chunk.", nameof(webp));

            if (!fourCc.SequenceEqual("EXIF"u8) && !fourCc.SequenceEqual("XMP "u8) && !fourCc.SequenceEqual("ICCP"u8))
            {
                var start = (int)output.Position;
                output.Write(webp, at, Math.Min(chunkLength, webp.Length - at));
                if (fourCc.SequenceEqual("VP8X"u8))
                {
                    var buffer = output.GetBuffer();
                    buffer[start + 8] &= unchecked((byte)~(IccFlag | ExifFlag | XmpFlag));
                }
            }

            at += chunkLength;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4, 4), (uint)(result.Length - 8));
        return result;
    }
}
