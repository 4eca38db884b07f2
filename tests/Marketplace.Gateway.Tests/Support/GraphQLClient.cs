using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>Small helpers to talk GraphQL over HTTP the way a client does.</summary>
public static class GraphQLClient
{
    public const string GraphQLResponse = "application/graphql-response+json";

    public static HttpRequestMessage Post(object body, string? token = null, string accept = GraphQLResponse)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        if (accept.Length > 0)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendGraphQLAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal))
            body = JsonNode.Parse(text);
        return (response, body);
    }

    public static Task<(HttpResponseMessage Response, JsonNode? Body)> QueryAsync(this HttpClient client, string query, object? variables = null, string? token = null) =>
        client.SendGraphQLAsync(Post(new { query, variables }, token));

    public static string? Code(this JsonNode? body, int index = 0) => body?["errors"]?[index]?["extensions"]?["code"]?.GetValue<string>();

    public static string Json(this JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
