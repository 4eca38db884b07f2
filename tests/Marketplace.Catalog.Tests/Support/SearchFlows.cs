using System.Text.Json;
using System.Text.Json.Nodes;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace Marketplace.Catalog.Tests.Support;

/// <summary>A listed (ACTIVE) product as a search test knows it.</summary>
public sealed record Listed(string Id, string Title, string StoreId);

/// <summary>Search flows: stores at chosen points, listed products, <c>productsNear</c>, store events from Sellers.</summary>
public static class SearchFlows
{
    public const string NearQuery = """
        query($lat: Float!, $lon: Float!, $r: Float!, $q: String, $c: ID, $min: Decimal, $max: Decimal, $sort: ProductSearchSort, $first: Int, $after: String) {
          productsNear(location: { latitude: $lat, longitude: $lon }, radiusKm: $r, query: $q, categoryId: $c, priceMin: $min, priceMax: $max, sort: $sort, first: $first, after: $after) {
            edges { cursor distanceMeters node { id title status publishedAt store { id } priceRange { minVariantPrice { amount currencyCode } } } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>A store of this seller at a point; returns its global id and its own id.</summary>
    public static async Task<(string Id, Guid LocalId)> StoreAtAsync(this HttpClient client, string sellerToken, double latitude, double longitude)
    {
        var slug = Gql.NewSlug("near");
        var payload = (await client.CreateStoreAsync(sellerToken, Gql.StoreInput("Search test shop", latitude, longitude, slug))).Data("storeCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return (payload["store"].Text("id"), await Gql.ScalarAsync<Guid>("SELECT id FROM sellers.stores WHERE slug = $1", slug));
    }

    /// <summary>Where a store is (as Sellers holds it).</summary>
    public static async Task<(double Latitude, double Longitude)> StoreLocationAsync(Guid storeId) =>
        (await Gql.ScalarAsync<double>("SELECT ST_Y(location::geometry) FROM sellers.stores WHERE id = $1", storeId),
         await Gql.ScalarAsync<double>("SELECT ST_X(location::geometry) FROM sellers.stores WHERE id = $1", storeId));

    /// <summary>Creates and publishes a product (one variant per price, all EUR).</summary>
    public static async Task<Listed> ListedAsync(this HttpClient client, string sellerToken, string storeId, string categoryId, string title, string description = "Made nearby.", params string[] prices)
    {
        var variants = (prices.Length == 0 ? ["10.00"] : prices).Select((price, i) => CatalogFlows.Variant(CatalogFlows.NewSku(), price, "EUR", null, ("Size", $"S{i}"))).ToArray();
        var input = CatalogFlows.ProductInput(storeId, categoryId, variants, [new { name = "Size", values = prices.Length == 0 ? ["S0"] : prices.Select((_, i) => $"S{i}").ToArray() }], title);
        input["description"] = description;
        var product = await client.ProductAsync(sellerToken, input);
        var published = await client.PublishAsync(sellerToken, product.Text("id"));
        published.Codes().Should().BeEmpty(published.ToJsonString());
        return new Listed(product.Text("id"), title, storeId);
    }

    public static async Task<JsonNode> NearAsync(this HttpClient client, double latitude, double longitude, double radiusKm = 10, string? query = null, string? categoryId = null,
        string? priceMin = null, string? priceMax = null, string? sort = null, int? first = null, string? after = null) =>
        await client.SendAsync(NearQuery, new { lat = latitude, lon = longitude, r = radiusKm, q = query, c = categoryId, min = priceMin, max = priceMax, sort, first, after });

    public static JsonArray Edges(this JsonNode body) => body.Data("productsNear")["edges"]!.AsArray();

    public static string[] Ids(this JsonNode body) => body.Edges().Select(e => e!["node"].Text("id")).ToArray();

    /// <summary>Polls the search (the projection is asynchronous) until its ids are exactly <paramref name="expected"/> (as a set).</summary>
    public static Task<JsonNode> AwaitIdsAsync(this HttpClient client, Func<Task<JsonNode>> search, IEnumerable<string> expected, string because) =>
        Eventually.ReturnsAsync<JsonNode>(async () => await search(), body => body?["errors"] is null && body!.Ids().ToHashSet().SetEquals(expected), TimeSpan.FromSeconds(20), because);

    /// <summary>All pages of a search, following endCursor; also checks that no page is empty while claiming more.</summary>
    public static async Task<List<JsonNode>> AllPagesAsync(this HttpClient client, double latitude, double longitude, double radiusKm, string? sort, int first, string? query = null, string? priceMin = null)
    {
        var seen = new List<JsonNode>();
        string? after = null;
        for (var page = 0; page < 50; page++)
        {
            var body = await client.NearAsync(latitude, longitude, radiusKm, query: query, priceMin: priceMin, sort: sort, first: first, after: after);
            body["errors"].Should().BeNull(body.ToJsonString());
            var edges = body.Edges();
            seen.AddRange(edges.Select(e => e!.DeepClone()));
            var info = body.Data("productsNear")["pageInfo"]!;
            if (!info["hasNextPage"]!.GetValue<bool>())
                return seen;
            edges.Should().NotBeEmpty("a page that says more follow has items");
            after = info.Text("endCursor");
        }

        throw new InvalidOperationException("the pages did not end");
    }

    /// <summary>
    /// Publishes a Sellers store_updated.v1 the way the Sellers module's relay does (same subject under the suite's
    /// prefix, envelope headers and message id), for tests that need a store to move or close.
    /// </summary>
    public static async Task<Guid> PublishStoreUpdatedAsync(this CatalogApp app, StoreUpdated update)
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = TestServices.Nats });
        var jetStream = new NatsJSContext(nats);
        var subject = EventSubjects.Of(typeof(StoreUpdated));
        var envelope = new EventEnvelope(Guid.CreateVersion7(), subject, DateTimeOffset.UtcNow, "search-test-" + Guid.NewGuid().ToString("N"), null, null,
            JsonSerializer.Serialize(update, EventSubjects.Json));
        var ack = await jetStream.PublishAsync(EventSubjects.OnWire(subject, app.SubjectPrefix), System.Text.Encoding.UTF8.GetBytes(envelope.Payload), headers: envelope.ToHeaders(),
            opts: new NatsJSPubOpts { MsgId = envelope.EventId.ToString() });
        ack.EnsureSuccess();
        return envelope.EventId;
    }

    /// <summary>Publishes another module's integration event on JetStream the way its relay does (for tests that need one).</summary>
    public static async Task<Guid> PublishAsync<TEvent>(this CatalogApp app, TEvent integrationEvent)
        where TEvent : IIntegrationEvent
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = TestServices.Nats });
        var jetStream = new NatsJSContext(nats);
        var subject = EventSubjects.Of(typeof(TEvent));
        var envelope = new EventEnvelope(Guid.CreateVersion7(), subject, DateTimeOffset.UtcNow, "search-test-" + Guid.NewGuid().ToString("N"), null, null,
            JsonSerializer.Serialize(integrationEvent, EventSubjects.Json));
        var ack = await jetStream.PublishAsync(EventSubjects.OnWire(subject, app.SubjectPrefix), System.Text.Encoding.UTF8.GetBytes(envelope.Payload), headers: envelope.ToHeaders(),
            opts: new NatsJSPubOpts { MsgId = envelope.EventId.ToString() });
        ack.EnsureSuccess();
        return envelope.EventId;
    }

    /// <summary>(latitude, longitude) moved by kilometres north and east (small distances).</summary>
    public static (double Latitude, double Longitude) Offset(double latitude, double longitude, double northKm, double eastKm) =>
        (latitude + (northKm / 111.32), longitude + (eastKm / (111.32 * Math.Cos(latitude * Math.PI / 180))));
}
