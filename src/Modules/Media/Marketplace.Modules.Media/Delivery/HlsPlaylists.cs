using System.Text;
using System.Text.RegularExpressions;

namespace Marketplace.Modules.Media.Delivery;

/// <summary>
/// Passes a playlist's signature on to what it lists. Players do not copy a playlist URL's query string to the URIs
/// inside it, so a video signed by URL (a custom policy over its folder) would stop at the master playlist; the local
/// delivery endpoint appends the same signing parameters to every URI of a playlist it serves (the policy covers the
/// whole folder, so they verify there too). CloudFront cannot rewrite bodies: there players use the signed cookies.
/// </summary>
internal static partial class HlsPlaylists
{
    public static string AppendQuery(string playlist, string query)
    {
        var result = new StringBuilder(playlist.Length + 256);
        foreach (var line in playlist.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
                result.Append(trimmed);
            else if (trimmed.StartsWith('#'))
                result.Append(UriAttribute().Replace(trimmed, m => $"URI=\"{With(m.Groups[1].Value, query)}\""));
            else
                result.Append(With(trimmed, query));
            result.Append('\n');
        }

        return result.ToString(0, playlist.EndsWith('\n') ? result.Length : result.Length - 1);
    }

    private static string With(string uri, string query) =>
        uri.Contains("://", StringComparison.Ordinal) ? uri : uri + (uri.Contains('?') ? '&' : '?') + query;

    [GeneratedRegex("URI=\"([^\"]*)\"")]
    private static partial Regex UriAttribute();
}
