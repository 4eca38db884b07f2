using System.Globalization;
using System.Text;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>
/// The one form of an email address that is stored, compared and made unique, so that look-alikes of an address are
/// either the same address or refused:
/// <list type="number">
/// <item>invisible format characters (zero-width space and joiners, BOM, soft hyphen, direction marks) are dropped;</item>
/// <item>Unicode NFKC: fullwidth <c>ａｄｍｉｎ＠ｅｘａｍｐｌｅ．ｃｏｍ</c> is <c>admin@example.com</c>;</item>
/// <item>lower case;</item>
/// <item>the domain in IDNA ASCII form (punycode), so a look-alike domain is visibly another domain;</item>
/// <item>the local part refused when it mixes scripts (Latin with Cyrillic or Greek, e.g. a Cyrillic <c>а</c> in
/// <c>аdmin</c>) or is written entirely in Cyrillic or Greek letters that look Latin (<c>сео</c>), and when it holds
/// non-ASCII symbols or digits. Letters of one script (<c>josé</c>, <c>müller</c>, <c>иван</c>, <c>张伟</c>) are kept.</item>
/// </list>
/// Plain ASCII addresses come out exactly as before (trimmed, lower case).
/// </summary>
internal static class EmailAddresses
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    // Cyrillic and Greek lower-case letters that pass for Latin ones (after NFKC and lower-casing).
    private static readonly HashSet<char> LatinLookAlikes =
    [
        'а', 'е', 'о', 'р', 'с', 'у', 'х', 'і', 'ј', 'ѕ', 'ԁ', 'ԛ', 'ԝ', 'һ', 'ӏ', 'ѵ', 'ү',
        'ο', 'α', 'ν', 'ρ', 'ι', 'κ', 'υ', 'χ', 'ϲ', 'ϳ', 'τ', 'ω',
    ];

    private enum Script
    {
        Latin,
        Greek,
        Cyrillic,
        Cjk,
        Other,
    }

    /// <summary>The normalised address, or null when it is not an address we accept.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 512)
            return null;
        var visible = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                visible.Append(c);
        }

        string email;
        try
        {
            // ICU's NFKC: string.Normalize does nothing for non-ASCII text under InvariantGlobalization (this solution's setting).
            email = ICU4N.Text.Normalizer2.NFKCInstance.Normalize(visible.ToString().Trim()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null; // unpaired surrogates
        }

        if (email.Length is 0 or > 254 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            return null;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
            return null;
        var local = email[..at];
        if (local.Length > 64 || !LocalPartAllowed(local))
            return null;

        string domain;
        try
        {
            domain = Idn.GetAscii(email[(at + 1)..]).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Length > 253)
            return null;
        var normalized = $"{local}@{domain}";
        return normalized.Length <= 254 ? normalized : null;
    }

    private static bool LocalPartAllowed(string local)
    {
        var scripts = new HashSet<Script>();
        var allLookAlikes = true;
        var letters = 0;
        foreach (var c in local)
        {
            if (char.IsAscii(c))
            {
                if (char.IsAsciiLetter(c))
                {
                    scripts.Add(Script.Latin);
                    allLookAlikes = false;
                    letters++;
                }

                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
                continue;
            if (!char.IsLetter(c))
                return false; // non-ASCII symbols, punctuation and digits: look-alikes of '.', '-', '1' and friends
            scripts.Add(ScriptOf(c));
            allLookAlikes &= LatinLookAlikes.Contains(c);
            letters++;
        }

        // Latin may go with CJK (Japanese, Chinese, Korean addresses do); any other mix is a look-alike trap.
        scripts.Remove(Script.Cjk);
        if (scripts.Count > 1)
            return false;
        // Entirely Cyrillic or Greek letters that all look Latin: "сео" passes for "ceo".
        return !(letters > 0 && allLookAlikes && scripts.Count == 1 && scripts.First() is Script.Cyrillic or Script.Greek);
    }

    private static Script ScriptOf(char c) => c switch
    {
        >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF' or >= '\uAB30' and <= '\uAB6F' => Script.Latin,
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => Script.Greek,
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' or >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F' => Script.Cyrillic,
        >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\u1100' and <= '\u11FF' or >= '\uAC00' and <= '\uD7AF' => Script.Cjk,
        _ => Script.Other,
    };
}
