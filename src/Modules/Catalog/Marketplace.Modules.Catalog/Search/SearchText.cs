using System.Text.RegularExpressions;

namespace Marketplace.Modules.Catalog.Search;

/// <summary>
/// How a search box's text is read. Plain words (no quotes, <c>-</c> or <c>or</c>) are matched forgivingly: each word
/// as typed, or one of up to three words of the catalogue's titles within a small edit distance of it (a typo), and
/// the last word also as the start of up to ten title words (search as you type); products matching the text exactly rank above the forgiven
/// ones. Text in web-search syntax (<c>"a phrase"</c>, <c>-excluded</c>, <c>or</c>) is matched exactly as written.
/// </summary>
internal sealed partial record SearchText(string Query, IReadOnlyList<string> Words)
{
    /// <summary>The PostgreSQL text search configuration when none is set (<c>Modules:Catalog:Search:TextConfiguration</c>).</summary>
    public const string DefaultConfiguration = "english";

    /// <summary>At most this many words are matched forgivingly; longer texts are matched exactly.</summary>
    public const int MaxForgivingWords = 8;

    /// <summary>Words shorter than this are never corrected (too many short words are one edit apart).</summary>
    public const int MinCorrectedLength = 4;

    /// <summary>The last word matches as a prefix from this length on.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>A prefix is completed to at most this many words of the catalogue's titles (shortest first).</summary>
    public const int MaxCompletions = 10;

    /// <summary>Trigram similarity a dictionary word needs to be considered a correction (before the edit distance check).</summary>
    public const double CorrectionSimilarity = 0.2;

    /// <summary>Whether the text is matched forgivingly (plain words), rather than exactly as web-search syntax.</summary>
    public bool Forgiving => Words.Count > 0;

    public static SearchText Parse(string query)
    {
        var operators = query.Contains('"', StringComparison.Ordinal) || query.Contains('-', StringComparison.Ordinal) || OrWord().IsMatch(query);
        var words = Word().Matches(query.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length <= 40).ToList();
        return new SearchText(query, operators || words.Count > MaxForgivingWords ? [] : words);
    }

    /// <summary>A configuration name is an identifier (it is written into SQL as a regconfig literal).</summary>
    public static bool IsConfigurationName(string name) => ConfigurationName().IsMatch(name);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"(^|\s)or(\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OrWord();

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex ConfigurationName();
}
