using Microsoft.Net.Http.Headers;

namespace Marketplace.Gateway.Http;

/// <summary>Response media types of GraphQL over HTTP, chosen from the request's <c>Accept</c>.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The best acceptable response type: by q-value, ties going to graphql-response+json (the spec's
    /// preference). A missing Accept header means graphql-response+json; null means nothing acceptable (406).
    /// </summary>
    public static string? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
            return GraphQLResponse;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
            return null;

        string? best = null;
        double bestQuality = 0;
        foreach (var candidate in new[] { GraphQLResponse, Json })
        {
            var quality = QualityOf(candidate, accepted);
            if (quality > bestQuality)
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    public static bool AcceptsHtml(IList<string> acceptHeaders) =>
        MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) &&
        accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    private static double QualityOf(string candidate, IList<MediaTypeHeaderValue> accepted)
    {
        var slash = candidate.IndexOf('/', StringComparison.Ordinal);
        var type = candidate[..slash];
        double best = 0;
        var bestSpecificity = -1;
        foreach (var range in accepted)
        {
            // Exact matching: ASP.NET Core's IsSubsetOf would let "application/json" match "+json" suffixes.
            var matches = range.MatchesAllTypes
                || (range.MatchesAllSubTypes && range.Type.Equals(type, StringComparison.OrdinalIgnoreCase))
                || range.MediaType.Equals(candidate, StringComparison.OrdinalIgnoreCase);
            if (!matches)
                continue;
            // The most specific matching range decides (RFC 9110 §12.5.1).
            var specificity = range.MatchesAllTypes ? 0 : range.MatchesAllSubTypes ? 1 : 2;
            if (specificity > bestSpecificity)
            {
                bestSpecificity = specificity;
                best = range.Quality ?? 1;
            }
        }

        return best;
    }
}
