using System.Text;
using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// Every <c>BAD_USER_INPUT</c> names the input at fault in <c>extensions.fieldViolations</c> (docs/graphql.md), whoever
/// finds the fault: GraphQL.NET coercing a variable or a literal, the gateway (ids, cursors, page sizes, text, decimals)
/// or a module's contract (InvalidArgument with its field violations).
/// </summary>
public sealed class BadUserInputTests(SharedGateway gateway)
{
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "a float where a Float! variable is a string", """{"query":"query($lat: Float!) { storesNear(location: { latitude: $lat, longitude: 0 }) { nodes { id } } }","variables":{"lat":"north"}}""", "lat" },
        { "a nested input field of the wrong type", """{"query":"query($p: GeoPointInput!) { storesNear(location: $p) { nodes { id } } }","variables":{"p":{"latitude":"x","longitude":0}}}""", "p.latitude" },
        { "a radius the module refuses", """{"query":"{ storesNear(location: { latitude: 38.7, longitude: -9.1 }, radiusKm: 9000) { nodes { id } } }"}""", "radiusKm" },
        { "latitude out of range (module)", """{"query":"{ storesNear(location: { latitude: 123, longitude: -9.1 }) { nodes { id } } }"}""", "location.latitude" },
        { "a page larger than the limit", """{"query":"{ storesNear(location: { latitude: 38.7, longitude: -9.1 }, first: 1000) { nodes { id } } }"}""", "first" },
        { "a cursor this API never returned", """{"query":"{ storesNear(location: { latitude: 38.7, longitude: -9.1 }, after: \"bm9wZQ==\") { nodes { id } } }"}""", "after" },
        { "a malformed node id", """{"query":"{ node(id: \"not-an-id\") { id } }"}""", "id" },
        { "a store id that is a product's", "{\"query\":\"{ store(id: \\\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Product:1")) + "\\\") { id } }\"}", "id" },
        { "a control character in a variable", """{"query":"query($s: String) { store(slug: $s) { id } }","variables":{"s":"a\u0000b"}}""", "s" },
        { "a control character in a literal", """{"query":"{ store(slug: \"a\\u0001b\") { id } }"}""", "slug" },
        { "a search radius the Catalog module refuses", """{"query":"{ productsNear(location: { latitude: 38.7, longitude: -9.1 }, radiusKm: 500) { nodes { id } } }"}""", "radiusKm" },
        { "a negative price bound (Catalog module)", """{"query":"{ productsNear(location: { latitude: 38.7, longitude: -9.1 }, priceMin: \"-1\") { nodes { id } } }"}""", "priceMin" },
        { "RELEVANCE without a query (Catalog module)", """{"query":"{ productsNear(location: { latitude: 38.7, longitude: -9.1 }, sort: RELEVANCE) { nodes { id } } }"}""", "sort" },
        { "a category id that is a store's", "{\"query\":\"{ productsNear(location: { latitude: 38.7, longitude: -9.1 }, categoryId: \\\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Store:1")) + "\\\") { nodes { id } } }\"}", "categoryId" },
        { "a product id that is a category's", "{\"query\":\"{ product(id: \\\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Category:1")) + "\\\") { id } }\"}", "id" },
        { "a category by id and slug at once", "{\"query\":\"{ category(id: \\\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Category:1")) + "\\\", slug: \\\"plants\\\") { id } }\"}", "id" },
        { "a media asset id that is a store's", "{\"query\":\"{ mediaAsset(id: \\\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("Store:1")) + "\\\") { id } }\"}", "id" },
        { "a malformed media asset id", """{"query":"{ mediaAsset(id: \"not-an-id\") { id } }"}""", "id" },
        { "a delivery state variable that is not one", """{"query":"query($s: NotificationDeliveryState) { notificationDeliveries(state: $s) { nodes { id } } }","variables":{"s":"LOST"}}""", "s" },
        { "a phone that is not text (Users)", """{"query":"mutation($i: BuyerLoginCodeRequestInput!) { buyerLoginCodeRequest(input: $i) { codeSent } }","variables":{"i":{"phone":{"n":447911123456}}}}""", "i.phone" },
        { "a page size that is not a number (Users)", """{"query":"query($n: Int) { viewer { addresses(first: $n) { totalCount } } }","variables":{"n":"many"}}""", "n" },
        { "an order status variable that is not one (Ordering)", """{"query":"query($s: OrderStatus) { viewer { orders(status: $s) { nodes { id } } } }","variables":{"s":"LOST"}}""", "s" },
        { "a checkout total that is not a decimal (Ordering)", """{"query":"mutation($i: CheckoutCompleteInput!) { checkoutComplete(input: $i) { userErrors { code } } }","variables":{"i":{"checkoutId":"x","idempotencyKey":"k","expectedTotal":"ten"}}}""", "i.expectedTotal" },
        { "a cart quantity that is not a number (Ordering)", """{"query":"mutation($i: CartLinesAddInput!) { cartLinesAdd(input: $i) { userErrors { code } } }","variables":{"i":{"lines":[{"variantId":"x","quantity":"two"}]}}}""", "i.lines[0].quantity" },
        { "a ledger adjustment amount given as a float (Sellers payouts)", """{"query":"mutation($i: LedgerAdjustInput!) { ledgerAdjust(input: $i) { userErrors { code } } }","variables":{"i":{"sellerId":"x","currencyCode":"EUR","amount":12.5,"reason":"r"}}}""", "i.amount" },
        { "a commission rate that is not a decimal (Sellers payouts)", """{"query":"mutation { storeCommissionRateSet(input: { storeId: \"x\", rate: \"ten percent\" }) { userErrors { code } } }"}""", "input" },
        { "a decimal with more digits than kept", """{"query":"query($a: Decimal) { testEcho(amount: $a) }","variables":{"a":"0.12345678901234567890123456789"}}""", "a" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_BAD_USER_INPUT_names_its_field(string situation, string body, string field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Accept", GraphQLClient.GraphQLResponse);

        var (_, answer) = await _client.SendGraphQLAsync(request);

        answer.Code().Should().Be("BAD_USER_INPUT", situation + ": " + answer.Json());
        var violations = answer!["errors"]![0]!["extensions"]!["fieldViolations"]!.AsArray();
        violations.Should().NotBeEmpty(situation);
        violations.Select(v => v!["field"]?.GetValue<string>()).Should().Contain(field, situation + ": " + answer.Json());
        violations.Should().OnlyContain(v => v!["code"]!.GetValue<string>().Length > 0 && v["message"]!.GetValue<string>().Length > 0);
    }
}
