using System.Text;
using Marketplace.Modules.Catalog.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// Product slugs: the title as lower-case ASCII words joined by hyphens, then the last 12 hex digits of the product's id
/// (<c>oak-chair-5e3f9a2c1d7b</c>), all from the id's random part (48 bits). Products sharing a title rarely meet the same
/// digits — with 8 digits (32 bits) a benchmark catalogue of 3M products over a few thousand titles did — and when the
/// slug is taken anyway the whole id (32 digits, unique as the id) is the suffix: <see cref="FreeAsync"/>. A slug never
/// changes (links stay valid).
/// </summary>
internal static class ProductSlugs
{
    public const int MaxLength = 80;
    private const int SuffixLength = 12;

    public static string For(string title, Guid id, bool wholeId = false)
    {
        var words = Slugify(title);
        var suffix = wholeId ? id.ToString("N") : id.ToString("N")[^SuffixLength..];
        if (words.Length > MaxLength - suffix.Length - 1)
            words = words[..(MaxLength - suffix.Length - 1)].TrimEnd('-');
        return words.Length == 0 ? "product-" + suffix : $"{words}-{suffix}";
    }

    /// <summary>The slug of a new product: <see cref="For"/>, or with the whole id when another product has that slug.</summary>
    public static async Task<string> FreeAsync(CatalogDbContext db, string title, Guid id, CancellationToken cancellationToken)
    {
        var slug = For(title, id);
        return await db.Products.AnyAsync(p => p.Slug == slug, cancellationToken) ? For(title, id, wholeId: true) : slug;
    }

    /// <summary>Whether the text has the shape of a slug (lookups refuse anything else early).</summary>
    public static bool IsWellFormed(string slug) =>
        slug.Length is > 0 and <= MaxLength && slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

    private static string Slugify(string text)
    {
        var builder = new StringBuilder();
        var hyphen = false;
        foreach (var ch in text.ToLowerInvariant())
        {
            var ascii = ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch.ToString() : Transliterate(ch);
            if (ascii.Length == 0)
            {
                hyphen = true;
                continue;
            }

            if (hyphen && builder.Length > 0)
                builder.Append('-');
            builder.Append(ascii);
            hyphen = false;
        }

        return builder.ToString();
    }

    /// <summary>Common Latin letters with diacritics as ASCII (the host may run with invariant globalization).</summary>
    private static string Transliterate(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ą' => "a",
        'æ' => "ae",
        'ç' or 'ć' or 'č' => "c",
        'ď' or 'đ' => "d",
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ę' or 'ě' => "e",
        'ğ' => "g",
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'ı' => "i",
        'ł' or 'ľ' => "l",
        'ñ' or 'ń' or 'ň' => "n",
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' or 'š' or 'ş' => "s",
        'ß' => "ss",
        'ť' or 'ţ' => "t",
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' => "u",
        'ý' or 'ÿ' => "y",
        'ź' or 'ż' or 'ž' => "z",
        _ => "",
    };
}
