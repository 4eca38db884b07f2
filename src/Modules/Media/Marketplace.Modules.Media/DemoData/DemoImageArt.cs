using NetVips;

namespace Marketplace.Modules.Media.DemoData;

/// <summary>
/// Draws a demo image with libvips: a diagonal two-tone gradient in the image's hue, a soft disc, and the label in white
/// (DejaVu through Pango when the host has fonts; without them the image simply has no text). Encoded as a JPEG, so
/// the seeder feeds it through the same pipeline as any upload.
/// </summary>
internal static class DemoImageArt
{
    public static byte[] Jpeg(DemoImage image)
    {
        Images.Vips.EnsureInitialised();
        var (w, h) = (image.Width, image.Height);
        var light = Rgb(image.Hue, 0.55, 0.72);
        var dark = Rgb((image.Hue + 25) % 360, 0.65, 0.38);
        using var xy = Image.Xyz(w, h);
        using var x = xy[0];
        using var y = xy[1];
        using var t = (x / (double)w * 0.6) + (y / (double)h * 0.4);
        using var background = Blend(t, light, dark);

        // A disc of the light tone, centred a little to the right: something for the renditions to resize.
        var radius = Math.Min(w, h) * 0.32;
        using var dx = x - (w * 0.62);
        using var dy = y - (h * 0.48);
        using var distance = ((dx * dx) + (dy * dy)).Pow(0.5);
        using var inside = (distance < radius) / 255.0 * 0.35;
        using var tone = Solid(w, h, light);
        using var flat = (background * (1.0 - inside)) + (tone * inside);

        using var labelled = WithLabel(flat, image);
        using var srgb = labelled.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        return srgb.JpegsaveBuffer(q: 90);
    }

    private static Image WithLabel(Image background, DemoImage image)
    {
        Image text;
        try
        {
            var size = Math.Max(12, Math.Min(image.Width, image.Height) / (image.Purpose == Domain.AssetPurpose.StoreLogo ? 9 : 12));
            text = Image.Text(image.Label, font: $"DejaVu Sans Bold {size}", width: (int)(image.Width * 0.8), align: Enums.Align.Centre, dpi: 72);
        }
        catch (VipsException)
        {
            return background.Copy();
        }

        using (text)
        {
            var left = (background.Width - text.Width) / 2;
            var top = image.Purpose == Domain.AssetPurpose.StoreBanner ? (background.Height - text.Height) / 2 : (int)(background.Height * 0.78) - (text.Height / 2);
            using var placed = text.Embed(left, Math.Max(0, top), background.Width, background.Height);
            using var white = Solid(background.Width, background.Height, (255, 255, 255));
            return placed.Ifthenelse(white, background, blend: true);
        }
    }

    private static Image Blend(Image t, (double R, double G, double B) from, (double R, double G, double B) to)
    {
        using var r = (t * (to.R - from.R)) + from.R;
        using var g = (t * (to.G - from.G)) + from.G;
        using var b = (t * (to.B - from.B)) + from.B;
        return r.Bandjoin(g, b).Copy(interpretation: Enums.Interpretation.Srgb);
    }

    private static Image Solid(int w, int h, (double R, double G, double B) colour) =>
        (Image.Black(w, h, bands: 3) + new[] { colour.R, colour.G, colour.B }).Copy(interpretation: Enums.Interpretation.Srgb);

    /// <summary>HSL to RGB (0–255).</summary>
    private static (double R, double G, double B) Rgb(double hue, double saturation, double lightness)
    {
        var c = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var hp = hue / 60;
        var xx = c * (1 - Math.Abs((hp % 2) - 1));
        var (r, g, b) = hp switch
        {
            < 1 => (c, xx, 0.0),
            < 2 => (xx, c, 0.0),
            < 3 => (0.0, c, xx),
            < 4 => (0.0, xx, c),
            < 5 => (xx, 0.0, c),
            _ => (c, 0.0, xx),
        };
        var m = lightness - (c / 2);
        return ((r + m) * 255, (g + m) * 255, (b + m) * 255);
    }
}
