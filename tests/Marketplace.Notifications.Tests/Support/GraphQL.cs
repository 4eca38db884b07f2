using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Notifications.Tests.Support;

/// <summary>GraphQL over HTTP for the suite's own requests.</summary>
public static class GraphQL
{
    public static async Task<JsonNode> QueryAsync(this HttpClient client, string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static string? ErrorCode(this JsonNode body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
}
