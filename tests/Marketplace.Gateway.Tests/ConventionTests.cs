using Marketplace.Testing;
using System.Text;
using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>Schema conventions: exact Decimal, UTC DateTime, Money, Relay ids and node, cursor connections, userErrors.</summary>
public sealed class ConventionTests(SharedGateway gateway)
{
    private readonly HttpClient _client = gateway.CreateClient();

    private static string Id(string type, string id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{id}"));

    [Fact]
    public async Task Money_amount_is_a_decimal_string_with_every_digit()
    {
        var (_, body) = await _client.QueryAsync("{ testMoney { amount currencyCode } }");

        body!["data"]!["testMoney"].Json().Should().Be("""{"amount":"12345678901234.567890123456","currencyCode":"EUR"}""");
    }

    [Fact]
    public async Task Decimal_input_is_taken_from_strings_exactly()
    {
        var (_, body) = await _client.QueryAsync("query Q($a: Decimal) { testEcho(amount: $a) }", new { a = "0.1000000000000000000000000001" });

        body!["data"]!["testEcho"]!.GetValue<string>().Should().Be("0.1000000000000000000000000001|");
    }

    [Fact]
    public async Task Decimal_float_variable_is_refused_with_a_clear_message()
    {
        var (response, body) = await _client.QueryAsync("query Q($a: Decimal) { testEcho(amount: $a) }", new { a = 12.5 });

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        body.Code().Should().Be("BAD_USER_INPUT");
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("must be strings");
    }

    [Fact]
    public async Task Decimal_float_literal_is_refused()
    {
        var (_, body) = await _client.QueryAsync("{ testEcho(amount: 12.5) }");

        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("must be strings");
    }

    [Theory]
    [InlineData("0.000000000000000000000000000001")]
    [InlineData("99999999999999999999.999999999")]
    public async Task Decimal_with_more_digits_than_it_holds_is_refused_not_rounded(string amount)
    {
        var (variableResponse, variable) = await _client.QueryAsync("query Q($a: Decimal) { testEcho(amount: $a) }", new { a = amount });
        var (literalResponse, literal) = await _client.QueryAsync($"{{ testEcho(amount: \"{amount}\") }}");

        variableResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, variable.Json());
        variable.Code().Should().Be("BAD_USER_INPUT");
        variable!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("rounded");
        literalResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, literal.Json());
        literal.Code().Should().Be("BAD_USER_INPUT");
        literal!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("amount").And.Contain("rounded");
    }

    [Theory]
    [InlineData("a\\u0000b")]
    [InlineData("bell\\u0007")]
    [InlineData("esc\\u001b[31m")]
    public async Task Control_characters_in_an_input_object_field_are_BAD_USER_INPUT_naming_it(string escaped)
    {
        var name = System.Text.Json.JsonSerializer.Deserialize<string>($"\"{escaped}\"")!;

        var (response, body) = await _client.QueryAsync(
            "mutation M($input: TestItemCreateInput!) { testItemCreate(input: $input) { userErrors { field } } }",
            new { input = new { name, price = "1.00" } });
        var (literalResponse, literal) = await _client.QueryAsync($"mutation {{ testItemCreate(input: {{ name: \"{escaped}\", price: \"1.00\" }}) {{ userErrors {{ field }} }} }}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, body.Json());
        body.Code().Should().Be("BAD_USER_INPUT");
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("name").And.Contain("control characters");
        literalResponse.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest, literal.Json());
        literal.Code().Should().Be("BAD_USER_INPUT");
        literal!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("input").And.Contain("control characters");
    }

    [Fact]
    public async Task Tab_line_feed_and_carriage_return_are_ordinary_text()
    {
        var (response, body) = await _client.QueryAsync("query Q($t: String!) { testItems(ids: [\"1\"], tag: $t) { localId } }", new { t = "a\tb\r\nc" });

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, body.Json());
    }

    [Fact]
    public async Task DateTime_output_is_UTC_with_six_fractional_digits_and_Z()
    {
        var (_, body) = await _client.QueryAsync("{ testNow }");

        // One fixed width (microseconds, what PostgreSQL and the contracts keep), whatever module the instant comes from.
        body!["data"]!["testNow"]!.GetValue<string>().Should().Be("2026-11-24T03:30:00.000000Z");
    }

    [Fact]
    public async Task DateTime_input_keeps_at_most_microseconds()
    {
        var (_, body) = await _client.QueryAsync("query Q($t: DateTime) { testEcho(at: $t) }", new { t = "2026-11-24T07:00:00.1234567+02:00" });

        body!["data"]!["testEcho"]!.GetValue<string>().Should().Be("|2026-11-24T05:00:00.123456Z");
    }

    [Theory]
    [InlineData("DateTime", "https://www.rfc-editor.org/rfc/rfc3339#section-5.6")]
    [InlineData("Decimal", "https://www.w3.org/TR/xmlschema11-2/#decimal")]
    public async Task Custom_scalars_name_their_specification(string scalar, string url)
    {
        var (_, body) = await _client.QueryAsync("query Q($n: String!) { __type(name: $n) { specifiedByURL } }", new { n = scalar });

        body!["data"]!["__type"]!["specifiedByURL"]!.GetValue<string>().Should().Be(url);
    }

    [Fact]
    public async Task DateTime_input_with_offset_is_converted_to_UTC()
    {
        var (_, body) = await _client.QueryAsync("query Q($t: DateTime) { testEcho(at: $t) }", new { t = "2026-11-24T07:00:00+02:00" });

        body!["data"]!["testEcho"]!.GetValue<string>().Should().Be("|2026-11-24T05:00:00.000000Z");
    }

    [Fact]
    public async Task DateTime_input_without_offset_is_refused()
    {
        var (_, body) = await _client.QueryAsync("query Q($t: DateTime) { testEcho(at: $t) }", new { t = "2026-11-24T07:00:00" });

        body.Code().Should().Be("BAD_USER_INPUT");
    }

    [Fact]
    public async Task Node_refetches_by_global_id()
    {
        var local = Guid.NewGuid().ToString("N");

        var (_, body) = await _client.QueryAsync("query Q($id: ID!) { node(id: $id) { __typename id ... on TestItem { localId } } }", new { id = Id("TestItem", local) });

        body!["data"]!["node"].Json().Should().Be($$"""{"__typename":"TestItem","id":"{{Id("TestItem", local)}}","localId":"{{local}}"}""");
    }

    [Fact]
    public async Task Node_of_an_unknown_type_or_missing_object_is_null_without_error()
    {
        foreach (var id in new[] { Id("Nothing", "1"), Id("TestItem", "missing") })
        {
            var (_, body) = await _client.QueryAsync("query Q($id: ID!) { node(id: $id) { id } }", new { id });

            body!["data"]!["node"].Should().BeNull();
            body["errors"].Should().BeNull();
        }
    }

    [Fact]
    public async Task Node_checks_the_callers_right_to_the_object()
    {
        var (_, body) = await _client.QueryAsync("query Q($id: ID!) { node(id: $id) { id } }", new { id = Id("TestItem", "hidden-someone-else") });

        body!["data"]!["node"].Should().BeNull();
    }

    [Fact]
    public async Task Node_serves_the_owner_what_it_hides_from_others()
    {
        var tokens = await TestSigningKey.CreateAsync();
        var owner = "owner-" + Guid.NewGuid().ToString("N")[..10];
        var id = Id("TestItem", "hidden-" + owner);

        var (_, mine) = await _client.QueryAsync("query Q($id: ID!) { node(id: $id) { id } }", new { id }, tokens.Issue(owner, ["BUYER"]));
        var (_, theirs) = await _client.QueryAsync("query Q($id: ID!) { node(id: $id) { id } }", new { id }, tokens.Issue("someone-else", ["BUYER"]));

        mine!["data"]!["node"]!["id"]!.GetValue<string>().Should().Be(id);
        theirs!["data"]!["node"].Should().BeNull();
    }

    [Fact]
    public async Task Node_with_a_malformed_id_is_BAD_USER_INPUT()
    {
        var (_, body) = await _client.QueryAsync("{ node(id: \"%%%not-base64\") { id } }");

        body.Code().Should().Be("BAD_USER_INPUT");
        body!["data"]!["node"].Should().BeNull();
    }

    [Fact]
    public async Task Connection_pages_with_opaque_cursors()
    {
        const string query = "query Q($after: String) { testPage(first: 10, after: $after) { totalCount edges { cursor node { localId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }";

        var (_, first) = await _client.QueryAsync(query, new { after = (string?)null });
        var endCursor = first!["data"]!["testPage"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var (_, second) = await _client.QueryAsync(query, new { after = endCursor });
        var (_, third) = await _client.QueryAsync(query, new { after = second!["data"]!["testPage"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        first["data"]!["testPage"]!["edges"]!.AsArray().Select(e => e!["node"]!["localId"]!.GetValue<string>()).Should().Equal(Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        endCursor.Should().NotBe("9", "cursors are opaque, not the raw position");
        second["data"]!["testPage"]!["edges"]![0]!["node"]!["localId"]!.GetValue<string>().Should().Be("10");
        second["data"]!["testPage"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().Should().BeTrue();
        third!["data"]!["testPage"]!["edges"]!.AsArray().Should().HaveCount(5);
        third["data"]!["testPage"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
        first["data"]!["testPage"]!["totalCount"]!.GetValue<int>().Should().Be(25);
    }

    [Fact]
    public async Task First_above_the_page_size_limit_is_BAD_USER_INPUT()
    {
        var (_, body) = await _client.QueryAsync("{ testPage(first: 101) { edges { cursor } } }");

        body.Code().Should().Be("BAD_USER_INPUT");
        body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("at most 100");
    }

    [Fact]
    public async Task A_cursor_not_from_this_API_is_BAD_USER_INPUT()
    {
        var (_, body) = await _client.QueryAsync("{ testPage(first: 5, after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }");

        body.Code().Should().Be("BAD_USER_INPUT");
    }

    [Fact]
    public async Task Field_violations_of_a_contract_become_userErrors_in_the_payload()
    {
        var tokens = await TestSigningKey.CreateAsync();

        var (_, body) = await _client.QueryAsync(
            "mutation { testItemCreate(input: { name: \"\" }) { item { id } userErrors { field code message } } }",
            token: tokens.Issue("seller-" + Guid.NewGuid().ToString("N"), ["SELLER"]));

        body!["errors"].Should().BeNull();
        body["data"]!["testItemCreate"]!["userErrors"].Json().Should().Be(
            """[{"field":["input","name"],"code":"REQUIRED","message":"Name is required."},{"field":["input","price","amount"],"code":"NOT_POSITIVE","message":"Must be positive."}]""");
    }
}
