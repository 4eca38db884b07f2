using System.Text;

namespace Marketplace.Modules.Catalog.Products;

/// <summary>
/// Product slugs: the title as lower-case ASCII words joined by hyphens, then the last 8 hex digits of the product's id
/// (<c>oak-chair-3f9a2c1d</c>). The suffix comes from the id's random part, so slugs are unique without a lookup or a
/// retry even when thousands of products share a title, and a slug never changes (links stay valid).
/// </summary>
internal static class ProductSlugs
{
    public const int MaxLength = 80;
    private const int SuffixLength = 8;

    public static string For(string title, Guid id)
    {
        var words = Slugify(title);
        if (words.Length > MaxLength - SuffixLength - 1)
            words = words[..(MaxLength - SuffixLength - 1)].TrimEnd('-');
        var suffix = id.ToString("N")[^SuffixLength..];
        return words.Length == 0 ? "product-" + suffix : $"{words}-{suffix}";
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
