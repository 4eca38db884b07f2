using System.Text;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Modules.Sellers.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Sellers.Stores;

/// <summary>Slugs generated from store names, and the first free one when a name is taken.</summary>
internal static class StoreSlugs
{
    /// <summary>Lower-case ASCII letters and digits separated by single hyphens.</summary>
    public static string Slugify(string text)
    {
        var builder = new StringBuilder();
        var hyphen = false;
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            var ascii = c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c.ToString() : Transliterate(c);
            if (ascii.Length > 0)
            {
                if (hyphen && builder.Length > 0)
                    builder.Append('-');
                builder.Append(ascii);
                hyphen = false;
            }
            else
            {
                hyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > StoreRules.MaxSlugLength - 8)
            slug = slug[..(StoreRules.MaxSlugLength - 8)].TrimEnd('-');
        return slug.Length >= StoreRules.MinSlugLength ? slug : ("store-" + slug).TrimEnd('-');
    }

    /// <summary>Common Latin letters with diacritics as ASCII (the host may run with invariant globalization, so no Unicode normalization).</summary>
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

    /// <summary>The base slug, or the first <c>-2</c>, <c>-3</c>, … not taken by a committed store nor tried already.</summary>
    public static async Task<string> FreeSlugAsync(this SellersDbContext db, string baseSlug, HashSet<string> tried, CancellationToken cancellationToken)
    {
        var taken = await db.Stores.Where(s => s.Slug == baseSlug || s.Slug.StartsWith(baseSlug + "-")).Select(s => s.Slug).ToListAsync(cancellationToken);
        taken.AddRange(tried);
        if (!taken.Contains(baseSlug))
            return baseSlug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{baseSlug}-{n}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }
}
