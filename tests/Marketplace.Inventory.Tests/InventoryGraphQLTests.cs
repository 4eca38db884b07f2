using System.Text.Json.Nodes;
using Marketplace.Inventory.Tests.Support;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>The public surface: the seller's inventory fields and mutations, and what buyers see of availability.</summary>
public sealed class InventoryGraphQLTests(InventoryApp app) : InventoryTest(app)
{
    private const string LevelFields = "onHand available reserved allocated safetyStock lowStockThreshold tracked policy availableForSale updatedAt";
    private const string SetMutation = $"mutation($i: InventorySetInput!) {{ inventorySet(input: $i) {{ inventory {{ {LevelFields} }} userErrors {{ field code message }} }} }}";
    private const string AdjustMutation = $"mutation($i: InventoryAdjustInput!) {{ inventoryAdjust(input: $i) {{ inventory {{ {LevelFields} }} userErrors {{ field code message }} }} }}";
    private const string SettingsMutation = $"mutation($i: InventorySettingsUpdateInput!) {{ inventorySettingsUpdate(input: $i) {{ inventory {{ {LevelFields} }} userErrors {{ field code message }} }} }}";
    private const string ProductQuery = $"query($id: ID!) {{ product(id: $id) {{ variants {{ id availableForSale quantityAvailable inventory {{ {LevelFields} }} }} }} }}";

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_seller_keeps_stock_and_buyers_see_only_availability()
    {
        var listing = await ListingAsync();
        var set = (await _client.SendAsync(SetMutation, new { i = new { variantId = listing.VariantGlobalId, onHand = 8, reason = "CYCLE_COUNT" } }, listing.SellerToken)).Data("inventorySet");
        set.Codes().Should().BeEmpty(set.ToJsonString());
        set["inventory"]!["onHand"]!.GetValue<int>().Should().Be(8);

        var adjusted = (await _client.SendAsync(AdjustMutation, new { i = new { variantId = listing.VariantGlobalId, delta = 4, reason = "RECEIVED", note = "PO 1234" } }, listing.SellerToken)).Data("inventoryAdjust");
        adjusted.Codes().Should().BeEmpty(adjusted.ToJsonString());
        var settings = (await _client.SendAsync(SettingsMutation, new { i = new { variantId = listing.VariantGlobalId, lowStockThreshold = 3, safetyStock = 2 } }, listing.SellerToken)).Data("inventorySettingsUpdate");
        settings.Codes().Should().BeEmpty(settings.ToJsonString());
        var level = settings["inventory"]!;
        (Int(level, "onHand"), Int(level, "available"), Int(level, "safetyStock"), Int(level, "lowStockThreshold"), level.Text("policy"), level["tracked"]!.GetValue<bool>())
            .Should().Be((12, 10, 2, 3, "DENY", true));

        var productId = ToGlobal("Product", listing.ProductId);
        var own = (await _client.SendAsync(ProductQuery, new { id = productId }, listing.SellerToken)).Data("product")["variants"]![0]!;
        (Int(own, "quantityAvailable"), own["availableForSale"]!.GetValue<bool>(), Int(own["inventory"]!, "onHand")).Should().Be((10, true, 12));

        var buyer = await _client.BuyerAsync();
        var other = await App.ListingAsync();
        foreach (var token in new[] { null, buyer, other.SellerToken })
        {
            var seen = await _client.SendAsync(ProductQuery, new { id = productId }, token);
            seen["errors"].Should().BeNull(seen.ToJsonString());
            var variant = seen.Data("product")["variants"]![0]!;
            (Int(variant, "quantityAvailable"), variant["availableForSale"]!.GetValue<bool>()).Should().Be((10, true));
            variant["inventory"].Should().BeNull("only the variant's seller sees its stock");
        }
    }

    [Fact]
    public async Task Another_seller_is_forbidden_and_nothing_changes()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);
        var other = await App.ListingAsync();
        var buyer = await _client.BuyerAsync();

        foreach (var (query, input) in new (string, object)[]
        {
            (SetMutation, new { variantId = listing.VariantGlobalId, onHand = 100 }),
            (AdjustMutation, new { variantId = listing.VariantGlobalId, delta = 100, reason = "RECEIVED" }),
            (SettingsMutation, new { variantId = listing.VariantGlobalId, policy = "CONTINUE" }),
        })
        {
            (await _client.SendAsync(query, new { i = input }, other.SellerToken)).ErrorCodes().Should().Equal("FORBIDDEN");
            (await _client.SendAsync(query, new { i = input }, buyer)).ErrorCodes().Should().Equal("FORBIDDEN");
            (await _client.SendAsync(query, new { i = input })).ErrorCodes().Should().Equal("UNAUTHENTICATED");
        }

        var level = await App.LevelAsync(listing.VariantId);
        (level.OnHand, level.Policy).Should().Be((5, "DENY"));
    }

    [Fact]
    public async Task Bad_ids_stale_counts_and_broken_rules_are_user_errors()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 4))).Reserved.Should().BeTrue();

        var cases = new (string Query, string Name, object Input, string Field, string Code)[]
        {
            (SetMutation, "inventorySet", new { variantId = "bm90LWFuLWlk", onHand = 1 }, "input.variantId", "INVALID_ID"),
            (SetMutation, "inventorySet", new { variantId = ToGlobal("Product", listing.ProductId), onHand = 1 }, "input.variantId", "INVALID_ID"),
            (SetMutation, "inventorySet", new { variantId = ToGlobal("ProductVariant", Guid.NewGuid().ToString()), onHand = 1 }, "input.variantId", "VARIANT_NOT_FOUND"),
            (SetMutation, "inventorySet", new { variantId = listing.VariantGlobalId, onHand = 6, expectedOnHand = 4 }, "", "ON_HAND_CONFLICT"),
            (SetMutation, "inventorySet", new { variantId = listing.VariantGlobalId, onHand = 3 }, "", "ON_HAND_BELOW_COMMITTED"),
            (SetMutation, "inventorySet", new { variantId = listing.VariantGlobalId, onHand = -1 }, "input.onHand", "INVALID_QUANTITY"),
            (SetMutation, "inventorySet", new { variantId = listing.VariantGlobalId, onHand = 9, reason = "RECEIVED" }, "input.reason", "INVALID_REASON"),
            (AdjustMutation, "inventoryAdjust", new { variantId = listing.VariantGlobalId, delta = -2, reason = "DAMAGED" }, "", "ON_HAND_BELOW_COMMITTED"),
            (AdjustMutation, "inventoryAdjust", new { variantId = listing.VariantGlobalId, delta = 0, reason = "CORRECTION" }, "input.delta", "INVALID_QUANTITY"),
            (SettingsMutation, "inventorySettingsUpdate", new { variantId = listing.VariantGlobalId, safetyStock = -1 }, "input.safetyStock", "INVALID_QUANTITY"),
        };
        foreach (var (query, name, input, field, code) in cases)
        {
            var payload = (await _client.SendAsync(query, new { i = input }, listing.SellerToken)).Data(name);
            payload["inventory"].Should().BeNull();
            var error = payload["userErrors"]!.AsArray().Should().ContainSingle().Subject!;
            error.Text("code").Should().Be(code, payload.ToJsonString());
            var path = error["field"] is JsonArray parts ? string.Join('.', parts.Select(p => p!.GetValue<string>())) : "";
            path.Should().Be(field, payload.ToJsonString());
        }

        var level = await App.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.SafetyStock).Should().Be((5, 4, 0));
    }

    [Fact]
    public async Task The_movements_connection_pages_through_every_change()
    {
        var listing = await ListingAsync();
        for (var i = 1; i <= 5; i++)
        {
            var payload = (await _client.SendAsync(AdjustMutation, new { i = new { variantId = listing.VariantGlobalId, delta = i, reason = "RECEIVED", note = $"delivery {i}" } }, listing.SellerToken)).Data("inventoryAdjust");
            payload.Codes().Should().BeEmpty();
        }

        const string Query = """
            query($id: ID!, $after: String) { product(id: $id) { variants { inventory { movements(first: 2, after: $after) {
              edges { cursor node { kind quantity onHandDelta reservedDelta allocatedDelta reason note reference actorKind occurredAt } }
              pageInfo { hasNextPage endCursor } } } } } }
            """;
        var notes = new List<string>();
        string? after = null;
        while (true)
        {
            var page = (await _client.SendAsync(Query, new { id = ToGlobal("Product", listing.ProductId), after }, listing.SellerToken)).Data("product")["variants"]![0]!["inventory"]!["movements"]!;
            notes.AddRange(page["edges"]!.AsArray().Select(e => e!["node"].Text("note")));
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                break;
            after = page["pageInfo"].Text("endCursor");
        }

        notes.Should().Equal("delivery 5", "delivery 4", "delivery 3", "delivery 2", "delivery 1");
    }

    [Fact]
    public async Task A_page_of_variants_costs_one_availability_call()
    {
        var listing = await ListingAsync(variants: 12);
        var more = Track(await App.AnotherProductAsync(listing, variants: 8));
        foreach (var variant in listing.VariantIds.Take(3))
            await App.StockAsync(listing, variant, 2);
        var correlation = "availability-" + Guid.NewGuid().ToString("N");

        var body = await _client.SendAsync(
            "query($a: ID!, $b: ID!) { a: product(id: $a) { variants { availableForSale quantityAvailable inventory { onHand } } } b: product(id: $b) { variants { availableForSale } } }",
            new { a = ToGlobal("Product", listing.ProductId), b = ToGlobal("Product", more.ProductId) }, listing.SellerToken, correlation);

        body["errors"].Should().BeNull(body.ToJsonString());
        body.Data("a")["variants"]!.AsArray().Count(v => v!["availableForSale"]!.GetValue<bool>()).Should().Be(3);
        App.GatewayStockCalls!.Calls(correlation, "GetAvailability").Should().Be(1);
        App.GatewayStockCalls!.Calls(correlation, "GetStockLevels").Should().Be(1);
    }

    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();

    private static string ToGlobal(string type, string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));
}
