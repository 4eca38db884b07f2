using System.Text.Json.Nodes;
using Marketplace.Testing;
using Npgsql;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>Store mutations through GraphQL and what the tests read back (rows, outbox events).</summary>
public static class Stores
{
    public const string Created = "marketplace.sellers.store_created.v1";
    public const string Updated = "marketplace.sellers.store_updated.v1";
    public const string Followed = "marketplace.sellers.store_followed.v1";
    public const string Unfollowed = "marketplace.sellers.store_unfollowed.v1";

    /// <summary>Runs <c>name(input: $i)</c> and returns the whole answer (payload under data.name, or top-level errors).</summary>
    public static Task<JsonNode> MutateAsync(this HttpClient client, string name, object input, string? token) =>
        client.SendAsync(
            $"mutation($i: {char.ToUpperInvariant(name[0])}{name[1..]}Input!) {{ {name}(input: $i) {{ store {{ {Gql.StoreFields} }} userErrors {{ field code message }} }} }}",
            new { i = input }, token);

    /// <summary>A new ACTIVE store of a new verified seller: its seller's token, the store (as GraphQL returned it).</summary>
    public static async Task<(string Token, string SellerId, JsonNode Store)> NewStoreAsync(this HttpClient client, SellersApp app, object? input = null)
    {
        var (token, sellerId) = await client.SellerAsync(app);
        var store = await client.NewStoreAsync(token, input);
        return (token, sellerId, store);
    }

    public static async Task<JsonNode> NewStoreAsync(this HttpClient client, string token, object? input = null)
    {
        var (lat, lon) = Gql.NewPlace();
        var payload = (await client.CreateStoreAsync(token, input ?? Gql.StoreInput("Test Store", lat, lon, Gql.NewSlug()))).Data("storeCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["store"]!;
    }

    public static async Task<JsonNode?> StoreAsync(this HttpClient client, string id, string? token = null) =>
        (await client.SendAsync($"query($i: ID!) {{ store(id: $i) {{ {Gql.StoreFields} }} }}", new { i = id }, token))["data"]?["store"];

    /// <summary>The events of one store in the module's outbox, oldest first (the relay keeps sent rows for a day), by version where they carry one.</summary>
    public static async Task<List<JsonNode>> EventsAsync(string subject, string storeLocalId)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload::text FROM sellers.outbox_messages WHERE subject = $1 AND payload->>'storeId' = $2 ORDER BY (payload->>'version')::bigint NULLS FIRST, id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        command.Parameters.Add(new NpgsqlParameter { Value = storeLocalId });
        var events = new List<JsonNode>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(JsonNode.Parse(reader.GetString(0))!);
        return events;
    }

    /// <summary>A store's Relay global id (base64 of <c>Store:id</c>), for ids no store has.</summary>
    public static string GlobalId(Guid id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Store:{id}"));

    /// <summary>The module's own id of a store (its row id), from the global id GraphQL gives.</summary>
    public static async Task<string> LocalIdAsync(string slug) =>
        (await Gql.ScalarAsync<Guid>("SELECT id FROM sellers.stores WHERE slug = $1", slug)).ToString();

    public static async Task<(long Version, string Name, string Status)> RowAsync(string slug)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version, name, status FROM sellers.stores WHERE slug = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = slug });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue($"store {slug} exists");
        return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }

    public static string[] Path(this JsonNode? userError) =>
        userError!["field"]!.AsArray().Select(f => f!.GetValue<string>()).ToArray();

    public static long Number(this JsonNode? node, string name) => node![name]!.GetValue<long>();
}
