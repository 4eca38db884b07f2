using NetVips;

namespace Marketplace.Media.Tests.Support;

/// <summary>Test images made on the fly with libvips: no binary fixtures in git.</summary>
internal static class TestImages
{
    /// <summary>A detailed RGB image (gradients and a pattern) of the given size, so encoders have real work.</summary>
    public static Image Pattern(int width, int height)
    {
        using var xy = Image.Xyz(width, height);
        using var x = xy[0];
        using var y = xy[1];
        using var r = (x * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        using var g = (y * (255.0 / height)).Cast(Enums.BandFormat.Uchar);
        using var b = ((x + y) % 64 * 4).Cast(Enums.BandFormat.Uchar);
        using var rgb = r.Bandjoin(g, b);
        return rgb.Copy(interpretation: Enums.Interpretation.Srgb);
    }

    public static byte[] Jpeg(int width, int height, int? orientation = null, bool withGps = false)
    {
        using var image = Pattern(width, height);
        using var tagged = image.Mutate(m =>
        {
            if (orientation is { } o)
                m.Set(GValue.GIntType, "orientation", o);
            if (withGps)
                m.Set(GValue.GStrType, "exif-ifd3-GPSLatitude", "38/1 43/1 20/1");
            m.Set(GValue.GStrType, "exif-ifd0-Artist", "Test Camera Owner");
        });
        return tagged.JpegsaveBuffer(q: 85);
    }

    public static byte[] Png(int width, int height, bool alpha = false)
    {
        using var image = Pattern(width, height);
        if (!alpha)
            return image.PngsaveBuffer();
        using var withAlpha = image.Bandjoin(128);
        return withAlpha.PngsaveBuffer();
    }

    /// <summary>A decompression bomb: 20000×20000 black pixels, a few hundred KB on disk.</summary>
    public static byte[] PixelBombPng(int side = 20_000)
    {
        using var black = Image.Black(side, side);
        using var grey = black.Cast(Enums.BandFormat.Uchar);
        return grey.PngsaveBuffer(compression: 9);
    }
}
