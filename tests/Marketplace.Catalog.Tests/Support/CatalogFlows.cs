using System.Text.Json.Nodes;
using Marketplace.Testing;

namespace Marketplace.Catalog.Tests.Support;

/// <summary>A seller with a store, ready to list products.</summary>
public sealed record SellerStore(string Token, string SellerId, string StoreId, Guid StoreLocalId, string Slug);

/// <summary>The catalog flows the tests start from: categories (as an administrator), stores, products.</summary>
public static class CatalogFlows
{
    public const string ProductFields = """
        id title description status version publishedAt
        category { id slug path }
        attributes { key value }
        images { assetId url }
        options { name values }
        variants { id sku selectedOptions { name value } price { amount currencyCode } compareAtPrice { amount currencyCode } barcode weightGrams position }
        priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount currencyCode } }
        """;

    public const string CreateMutation = $"mutation($i: ProductCreateInput!) {{ productCreate(input: $i) {{ product {{ {ProductFields} }} userErrors {{ field code message }} }} }}";
    public const string UpdateMutation = $"mutation($i: ProductUpdateInput!) {{ productUpdate(input: $i) {{ product {{ {ProductFields} }} userErrors {{ field code message }} }} }}";
    public const string BulkMutation = $"mutation($i: ProductVariantsBulkUpdateInput!) {{ productVariantsBulkUpdate(input: $i) {{ product {{ {ProductFields} }} userErrors {{ field code message }} }} }}";
    public const string PublishMutation = "mutation($id: ID!) { productPublish(input: { id: $id }) { product { id status version publishedAt } userErrors { field code message } } }";
    public const string ArchiveMutation = "mutation($id: ID!) { productArchive(input: { id: $id }) { product { id status version } userErrors { field code message } } }";

    public static string NewSlug(string prefix = "cat") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)];

    /// <summary>Creates a category as an administrator; returns its global id.</summary>
    public static async Task<string> CategoryAsync(this HttpClient client, CatalogApp app, string? parentId = null, string? slug = null, string name = "Category")
    {
        var payload = (await client.SendAsync(
            "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } userErrors { field code message } } }",
            new { i = new { name, slug = slug ?? NewSlug(), parentId } },
            app.AdminToken())).Data("categoryCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["category"].Text("id");
    }

    /// <summary>A verified seller with one ACTIVE store at a fresh place.</summary>
    public static async Task<SellerStore> SellerStoreAsync(this HttpClient client, CatalogApp app)
    {
        var (token, sellerId) = await client.SellerAsync(app);
        var (lat, lon) = Gql.NewPlace();
        var slug = Gql.NewSlug("catalog");
        var payload = (await client.CreateStoreAsync(token, Gql.StoreInput("Catalog test shop", lat, lon, slug))).Data("storeCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        var storeId = payload["store"].Text("id");
        var localId = await Gql.ScalarAsync<Guid>("SELECT id FROM sellers.stores WHERE slug = $1", slug);
        return new SellerStore(token, sellerId, storeId, localId, slug);
    }

    /// <summary>A one-variant product input (no options) unless variants are given.</summary>
    public static Dictionary<string, object?> ProductInput(string storeId, string categoryId, object[]? variants = null, object[]? options = null, string title = "Sourdough loaf") => new()
    {
        ["storeId"] = storeId,
        ["title"] = title,
        ["description"] = "Long fermented.",
        ["categoryId"] = categoryId,
        ["attributes"] = new[] { new { key = "flour", value = "rye" } },
        ["images"] = new[] { "https://images.example.test/loaf.jpg" },
        ["options"] = options ?? [],
        ["variants"] = variants ?? [Variant(NewSku(), "4.50")],
    };

    public static object Variant(string sku, string price, string currency = "EUR", string? compareAt = null, params (string Name, string Value)[] options) => new
    {
        sku,
        price,
        compareAtPrice = compareAt,
        currencyCode = currency,
        optionValues = options.Select(o => new { name = o.Name, value = o.Value }).ToArray(),
    };

    public static string NewSku(string prefix = "SKU") => $"{prefix}-{Guid.NewGuid():N}"[..24].ToUpperInvariant();

    public static async Task<JsonNode> CreateProductAsync(this HttpClient client, string token, object input) =>
        (await client.SendAsync(CreateMutation, new { i = input }, token)).Data("productCreate");

    /// <summary>Creates a product and returns it (failing the test on user errors).</summary>
    public static async Task<JsonNode> ProductAsync(this HttpClient client, string token, object input)
    {
        var payload = await client.CreateProductAsync(token, input);
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["product"]!;
    }

    public static async Task<JsonNode> PublishAsync(this HttpClient client, string token, string productId)
    {
        var payload = (await client.SendAsync(PublishMutation, new { id = productId }, token)).Data("productPublish");
        return payload;
    }

    public static string[] Fields(this JsonNode? payload) =>
        payload?["userErrors"]?.AsArray().Select(e => e!["field"] is JsonArray path ? string.Join('.', path.Select(p => p!.GetValue<string>())) : "").ToArray() ?? [];

    public static string LocalId(string globalId) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':', 2)[1];

    /// <summary>Outbox rows of the catalog about one product, oldest first: (subject, payload).</summary>
    public static async Task<List<(string Subject, JsonNode Payload)>> EventsAsync(string productGlobalId)
    {
        var productId = LocalId(productGlobalId);
        await using var connection = new Npgsql.NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT subject, payload::text FROM catalog.outbox_messages WHERE payload->>'productId' = $1 ORDER BY id", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = productId });
        var events = new List<(string, JsonNode)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add((reader.GetString(0), JsonNode.Parse(reader.GetString(1))!));
        return events;
    }
}
