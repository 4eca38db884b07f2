using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.EndToEnd.Tests.Support;

/// <summary>A verified seller's ACTIVE store at a fresh place.</summary>
public sealed record Shop(string SellerToken, string SellerEmail, string ContactEmail, string StoreId, double Latitude, double Longitude);

/// <summary>A published product of a shop: global ids of the product and its variants.</summary>
public sealed record Listing(Shop Shop, string ProductId, IReadOnlyList<string> VariantIds, string Title);

/// <summary>A signed-in buyer with one address.</summary>
public sealed record Buyer(string Token, string Phone, string AddressId);

/// <summary>
/// The steps the journeys are made of, each as a client does it: GraphQL on the gateway, the development SMS inbox
/// (<c>/dev/sms</c>), maildev's REST API for emails, and Media's upload form where mediaUploadCreate says.
/// </summary>
public static partial class Journeys
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Email goes through job queues and SMTP: bounded, but patient on a busy machine.</summary>
    public static readonly TimeSpan Delivery = TimeSpan.FromSeconds(120);

    public static string MaildevUrl => (Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:11080").TrimEnd('/');

    /// <summary>Emails maildev received for <paramref name="address"/>.</summary>
    public static async Task<List<JsonNode>> EmailsToAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<JsonArray>($"{MaildevUrl}/email") ?? [];
        return all.Where(m => m?["to"]?.AsArray().Any(t => string.Equals(t?["address"]?.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)) == true)
            .Select(m => m!).ToList();
    }

    /// <summary>A seller registered through GraphQL and verified by the link in the email maildev received.</summary>
    public static async Task<(string Token, string Email)> SellerAsync(this HttpClient client)
    {
        var email = $"e2e-seller-{Guid.NewGuid():N}@example.test";
        var registered = await client.RegisterSellerAsync(email, "correct horse battery", "E2E Seller");
        registered.Codes().Should().BeEmpty(registered.ToJsonString());
        var mail = await Eventually.ReturnsAsync<List<JsonNode>>(async () => await EmailsToAsync(email), m => m!.Count > 0, Delivery, $"the verification email to {email}");
        var body = mail[0]["text"]?.GetValue<string>() ?? mail[0]["html"]!.GetValue<string>();
        var token = Uri.UnescapeDataString(WebUtility.HtmlDecode(TokenInLink().Match(body).Groups[1].Value));
        token.Should().NotBeEmpty(body);
        var verified = (await client.SendAsync("mutation($t: String!) { sellerEmailVerify(input: { token: $t }) { success userErrors { code } } }", new { t = token })).Data("sellerEmailVerify");
        verified["success"]!.GetValue<bool>().Should().BeTrue(verified.ToJsonString());
        var login = await client.LoginSellerAsync(email, "correct horse battery");
        login.Codes().Should().BeEmpty(login.ToJsonString());
        return (login.Text("accessToken"), email);
    }

    /// <summary>A new verified seller's store at a fresh place, or about 100 m from <paramref name="near"/>.</summary>
    public static async Task<Shop> ShopAsync(this HttpClient client, string name = "E2E Bakery", (double Latitude, double Longitude)? near = null)
    {
        var (token, email) = await client.SellerAsync();
        var (lat, lon) = near is { } at ? (at.Latitude + 0.001, at.Longitude) : Gql.NewPlace();
        // The store's own contact address (sellers' order emails go there): unique, so maildev's inbox, which outlives
        // runs whose order numbers start again in a fresh database, tells this store's mail apart.
        var contact = $"e2e-store-{Guid.NewGuid():N}@example.test";
        var input = new
        {
            name, slug = Gql.NewSlug("e2e"), description = "A store of the end-to-end journeys.", contactEmail = contact, contactPhone = "+44 20 7946 0000",
            address = "1 High Street", location = new { latitude = lat, longitude = lon }, serviceRadiusKm = 10,
        };
        var store = (await client.CreateStoreAsync(token, input)).Data("storeCreate");
        store.Codes().Should().BeEmpty(store.ToJsonString());
        return new Shop(token, email, contact, store["store"].Text("id"), lat, lon);
    }

    public static async Task<string> CategoryAsync(this HttpClient client, Topology topology)
    {
        var payload = (await client.SendAsync(
            "mutation($i: CategoryCreateInput!) { categoryCreate(input: $i) { category { id } userErrors { field code message } } }",
            new { i = new { name = "E2E goods", slug = $"e2e-{Guid.NewGuid():N}"[..30] } },
            topology.AdminToken())).Data("categoryCreate");
        payload.Codes().Should().BeEmpty(payload.ToJsonString());
        return payload["category"].Text("id");
    }

    /// <summary>A product image uploaded as a client does (plan by GraphQL, bytes by form to the URL given), READY.</summary>
    public static async Task<JsonNode> ImageAsync(this HttpClient client, Shop shop)
    {
        var png = TestImage();
        var created = (await client.SendAsync(
            "mutation($i: MediaUploadCreateInput!) { mediaUploadCreate(input: $i) { asset { id } upload { url fields { name value } } userErrors { field code message } } }",
            new { i = new { purpose = "PRODUCT_IMAGE", contentType = "image/png", byteSize = png.Length, storeId = shop.StoreId } }, shop.SellerToken)).Data("mediaUploadCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var form = new MultipartFormDataContent();
        foreach (var field in created["upload"]!["fields"]!.AsArray())
            form.Add(new StringContent(field.Text("value")), field.Text("name"));
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "loaf.png");
        using (var posted = await Http.PostAsync(created["upload"].Text("url"), form))
            posted.IsSuccessStatusCode.Should().BeTrue($"the upload form is accepted ({posted.StatusCode}: {await posted.Content.ReadAsStringAsync()})");
        var id = created["asset"].Text("id");
        var completed = (await client.SendAsync("mutation($i: MediaUploadCompleteInput!) { mediaUploadComplete(input: $i) { userErrors { code message } } }", new { i = new { id } }, shop.SellerToken)).Data("mediaUploadComplete");
        completed.Codes().Should().BeEmpty(completed.ToJsonString());
        return (await Eventually.ReturnsAsync(
            async () => (await client.SendAsync("query($id: ID!) { mediaAsset(id: $id) { id status renditions { format width url } } }", new { id }, shop.SellerToken))["data"]?["mediaAsset"],
            a => a?["status"]?.GetValue<string>() is "READY" or "FAILED",
            Delivery,
            "the image is rendered"))!;
    }

    /// <summary>A published product with one variant per size at <paramref name="price"/> EUR, its image, and <paramref name="stock"/> on hand each.</summary>
    public static async Task<Listing> ProductAsync(this HttpClient client, Topology topology, Shop shop, string? imageId = null, string price = "4.50", int stock = 10, string? title = null, params string[] sizes)
    {
        sizes = sizes.Length == 0 ? ["M"] : sizes;
        title ??= $"Loaf {Guid.NewGuid():N}"[..13];
        var input = new Dictionary<string, object?>
        {
            ["storeId"] = shop.StoreId,
            ["title"] = title,
            ["description"] = "Sourdough baked for the end-to-end journeys.",
            ["categoryId"] = await client.CategoryAsync(topology),
            ["images"] = imageId is null ? Array.Empty<string>() : new[] { imageId },
            ["options"] = new[] { new { name = "Size", values = sizes } },
            ["variants"] = sizes.Select(size => new { sku = $"E2E-{Guid.NewGuid():N}"[..24].ToUpperInvariant(), price, currencyCode = "EUR", optionValues = new[] { new { name = "Size", value = size } } }).ToArray(),
        };
        var created = (await client.SendAsync(
            "mutation($i: ProductCreateInput!) { productCreate(input: $i) { product { id variants { id } } userErrors { field code message } } }",
            new { i = input }, shop.SellerToken)).Data("productCreate");
        created.Codes().Should().BeEmpty(created.ToJsonString());
        var productId = created["product"].Text("id");
        var published = (await client.SendAsync("mutation($id: ID!) { productPublish(input: { id: $id }) { userErrors { code message } } }", new { id = productId }, shop.SellerToken)).Data("productPublish");
        published.Codes().Should().BeEmpty(published.ToJsonString());
        var variants = created["product"]!["variants"]!.AsArray().Select(v => v.Text("id")).ToList();
        foreach (var variant in variants)
        {
            var set = (await client.SendAsync(
                "mutation($i: InventorySetInput!) { inventorySet(input: $i) { inventory { onHand } userErrors { field code message } } }",
                new { i = new { variantId = variant, onHand = stock, reason = "CYCLE_COUNT" } }, shop.SellerToken)).Data("inventorySet");
            set.Codes().Should().BeEmpty(set.ToJsonString());
        }

        return new Listing(shop, productId, variants, title);
    }

    /// <summary>A buyer signed in by the SMS code flow, with an address at <paramref name="at"/>.</summary>
    public static async Task<Buyer> BuyerAsync(this HttpClient client, (double Latitude, double Longitude) at)
    {
        var phone = Gql.NewPhone();
        var signedIn = await client.SignInBuyerAsync(phone);
        var token = signedIn.Text("accessToken");
        var address = (await client.SendAsync(
            "mutation($i: AddressCreateInput!) { addressCreate(input: $i) { address { id } userErrors { field code message } } }",
            new { i = new { address = new { label = "Home", recipient = "E2E Buyer", lines = new[] { "1 Test Street" }, city = "Lisbon", country = "PT", location = new { latitude = at.Latitude, longitude = at.Longitude } } } },
            token)).Data("addressCreate");
        address.Codes().Should().BeEmpty(address.ToJsonString());
        return new Buyer(token, phone, address["address"].Text("id"));
    }

    /// <summary>The in-app feed items of <paramref name="kind"/> for the token's user, once at least <paramref name="expected"/> arrived.</summary>
    public static async Task<List<JsonNode>> FeedAsync(this HttpClient client, string token, string kind, int expected) =>
        (await Eventually.ReturnsAsync(
            async () => (await client.SendAsync("{ viewer { notifications(first: 50) { nodes { kind title body } } } }", token: token))
                .Data("viewer")["notifications"]!["nodes"]!.AsArray().Where(n => n.Text("kind") == kind).Select(n => n!).ToList(),
            items => items!.Count >= expected,
            Delivery,
            $"{expected} {kind} notification(s)"))!;

    private static byte[] TestImage()
    {
        using var image = NetVips.Image.Black(640, 480, bands: 3) + new double[] { 200, 120, 40 };
        using var srgb = image.Cast(NetVips.Enums.BandFormat.Uchar).Copy(interpretation: NetVips.Enums.Interpretation.Srgb);
        return srgb.PngsaveBuffer();
    }

    [GeneratedRegex(@"[?&](?:amp;)?token=([^""'&\s<>]+)")]
    private static partial Regex TokenInLink();
}
