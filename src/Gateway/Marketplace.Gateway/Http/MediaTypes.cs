using Microsoft.Net.Http.Headers;

namespace Marketplace.Gateway.Http;

/// <summary>Response media types of GraphQL over HTTP, chosen from the request's <c>Accept</c>.</summary>
internal static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The best acceptable response type, by q-value. A client that names graphql-response+json gets it when it
    /// weighs it at least as high as application/json (the spec's preference). A client that names neither — no
    /// Accept header, <c>*/*</c>, <c>application/*</c> — gets application/json, as the GraphQL-over-HTTP spec says a
    /// server SHOULD for clients that may predate the new type. Null means nothing acceptable (406).
    /// </summary>
    public static string? Negotiate(IList<string> acceptHeaders)
    {
        if (acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
            return Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted))
            return null;

        var (graphql, graphqlSpecificity) = QualityOf(GraphQLResponse, accepted);
        var (json, _) = QualityOf(Json, accepted);
        if (graphql <= 0 && json <= 0)
            return null;
        if (graphql > json)
            return GraphQLResponse;
        if (json > graphql)
            return Json;
        return graphqlSpecificity == 2 ? GraphQLResponse : Json;
    }

    public static bool AcceptsHtml(IList<string> acceptHeaders) =>
        MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) &&
        accepted.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    /// <summary>The quality the client gives <paramref name="candidate"/> and how specifically it named it (2 exact, 1 type/*, 0 */*).</summary>
    private static (double Quality, int Specificity) QualityOf(string candidate, IList<MediaTypeHeaderValue> accepted)
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

        return (best, bestSpecificity);
    }
}
