using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;

namespace Marketplace.Gateway.Tests;

/// <summary>
/// Documents an attacker sends, against the real host process over real sockets (issue 12): each is refused in
/// well under a second, the process survives, and a trivial query sent alongside stays fast. The budgets are the
/// defaults (docs/graphql.md, "Limits and settings").
/// </summary>
public sealed class HostileDocumentTests(RealHost host) : IClassFixture<RealHost>
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(1);

    /// <summary>Fragment F0 spreads F1, which spreads F2, … (the crash: a recursive walk in validation overflowed the stack).</summary>
    private static string FragmentChain(int length)
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < length - 1; i++)
            text.Append(" fragment F").Append(i).Append(" on Query { ...F").Append(i + 1).Append(" }");
        return text.Append(" fragment F").Append(length - 1).Append(" on Query { __typename }").ToString();
    }

    private static string DuplicateFields(int count) => "{ categories { " + string.Concat(Enumerable.Repeat("id ", count)) + "} }";

    [Theory]
    [InlineData(2000)]
    [InlineData(3000)]
    public async Task A_chain_of_thousands_of_fragments_is_refused_fast_and_the_host_lives(int length)
    {
        var answer = await host.PostAsync(FragmentChain(length));
        var after = await host.PostAsync("{ __typename }");

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_LARGE");
        answer.Elapsed.Should().BeLessThan(Fast, answer.ToString());
        host.HasExited.Should().BeFalse(host.Output);
        after.Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_fragment_chain_within_the_token_budget_is_refused_by_spread_depth()
    {
        var answer = await host.PostAsync(FragmentChain(40));

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_DEEP");
        answer.Body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("Fragment spreads");
    }

    [Fact]
    public async Task Fragments_that_fan_out_are_counted_expanded()
    {
        // 12 fragments, each spreading the next twice: 2^12 copies of one field from a 400-byte document.
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 12; i++)
            text.Append($" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}");
        text.Append(" fragment F12 on Query { __typename }");

        var answer = await host.PostAsync(text.ToString());

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_LARGE");
        answer.Elapsed.Should().BeLessThan(Fast);
    }

    [Fact]
    public async Task A_fragment_cycle_is_refused_without_walking_it()
    {
        var answer = await host.PostAsync("{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }");

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Thirty_thousand_duplicate_fields_are_refused_fast_while_a_trivial_query_stays_fast()
    {
        // Six at once, as in the report (they made a trivial query wait 19.5 s).
        var attacks = Task.WhenAll(Enumerable.Range(0, 6).Select(_ => host.PostAsync(DuplicateFields(30_000))));
        var trivial = await host.PostAsync("{ __typename }");

        foreach (var attack in await attacks)
        {
            attack.Status.Should().Be(HttpStatusCode.BadRequest, attack.ToString());
            attack.Code.Should().Be("QUERY_TOO_LARGE");
            attack.Elapsed.Should().BeLessThan(Fast, attack.ToString());
        }

        trivial.Status.Should().Be(HttpStatusCode.OK);
        trivial.Elapsed.Should().BeLessThan(Fast, trivial.ToString());
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(3_000)]
    public async Task Duplicate_fields_within_the_token_budget_are_refused_by_the_field_budget(int count)
    {
        var answer = await host.PostAsync(DuplicateFields(count));

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_LARGE");
        answer.Elapsed.Should().BeLessThan(Fast);
    }

    [Fact]
    public async Task Thousands_of_aliases_are_refused_fast()
    {
        var answer = await host.PostAsync("{ " + string.Concat(Enumerable.Range(0, 3000).Select(i => $"a{i}: __typename ")) + "}");

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().BeOneOf("QUERY_TOO_LARGE", "TOO_MANY_ALIASES");
        answer.Elapsed.Should().BeLessThan(Fast);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(40)]
    public async Task Deep_selections_are_QUERY_TOO_DEEP_not_a_server_error(int levels)
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("categories { children { ", levels / 2)) + "id" + string.Concat(Enumerable.Repeat(" } }", levels / 2)) + " }";

        var answer = await host.PostAsync(query);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_DEEP");
        answer.Headers.Should().ContainKey("X-Correlation-Id");
    }

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    public async Task Deep_nesting_through_inline_fragments_is_QUERY_TOO_DEEP(int levels)
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("... on Query { ", levels)) + "__typename" + string.Concat(Enumerable.Repeat(" }", levels)) + " }";

        var answer = await host.PostAsync(query);

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("QUERY_TOO_DEEP");
    }

    [Fact]
    public async Task A_cached_document_is_checked_for_complexity_with_each_request_s_variables()
    {
        // Unique text, so this test's first request is the one that fills the document cache.
        var query = $"query Stores{Guid.NewGuid():N}($n: Int) {{ storesNear(location: {{ latitude: 0, longitude: 0 }}, first: $n) {{ edges {{ node {{ products(first: $n) {{ edges {{ node {{ id title }} }} }} }} }} }} }}";

        var small = await host.PostAsync(query, new { n = 1 });
        var large = await host.PostAsync(query, new { n = 100 });
        var smallAgain = await host.PostAsync(query, new { n = 1 });

        small.Status.Should().Be(HttpStatusCode.OK, small.ToString());
        large.Status.Should().Be(HttpStatusCode.BadRequest, large.ToString());
        large.Code.Should().Be("QUERY_TOO_COMPLEX");
        smallAgain.Status.Should().Be(HttpStatusCode.OK, smallAgain.ToString());
    }

    [Fact]
    public async Task Huge_variable_values_are_answered_quickly()
    {
        // 50,000 list items and a 200 KB string (the body limit is 256 KB): read once, linear, no error.
        var answer = await host.PostAsync("query Q($s: ID!) { node(id: $s) { id } }", new { s = new string('x', 200_000), unused = Enumerable.Range(0, 5_000).ToArray() });
        var deep = await host.PostAsync("", raw: Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":{\"v\":" + new string('[', 200) + new string(']', 200) + "}}"));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.ToString());
        answer.Elapsed.Should().BeLessThan(Fast);
        deep.Status.Should().Be(HttpStatusCode.BadRequest, deep.ToString());
        deep.Code.Should().Be("BAD_REQUEST");
    }

    [Theory]
    [InlineData("invalid UTF-8 in the query", "{\"query\":\"{ __typename \xFF }\"}")]
    [InlineData("invalid UTF-8 in a variable", "{\"query\":\"query($a: String) { __typename }\",\"variables\":{\"a\":\"\xC3\x28\"}}")]
    [InlineData("a lone surrogate in a variable", "{\"query\":\"query($a: String) { __typename }\",\"variables\":{\"a\":\"\\ud800\"}}")]
    [InlineData("a lone surrogate in the query", "{\"query\":\"{ __typename } # \\udc00\"}")]
    [InlineData("a lone surrogate in operationName", "{\"query\":\"{ __typename }\",\"operationName\":\"\\ud800\"}")]
    public async Task Malformed_text_is_400_with_a_correlation_id(string because, string body)
    {
        // Latin-1 keeps the test's bytes as written (\xFF stays one invalid byte).
        var answer = await host.PostAsync("", raw: Encoding.Latin1.GetBytes(body));

        answer.Status.Should().Be(HttpStatusCode.BadRequest, $"{because}: {answer}");
        answer.Code.Should().Be("BAD_REQUEST");
        answer.Headers.Should().ContainKey("X-Correlation-Id");
        answer.Body!["errors"]![0]!["extensions"]!["correlationId"]!.GetValue<string>().Should().Be(answer.Headers["X-Correlation-Id"]);
    }

    [Theory]
    [InlineData("query($s: String) { category(slug: $s) { id } }", "{\"s\":\"a\\u0000b\"}", "$s")]
    [InlineData("{ category(slug: \"a\\u0000b\") { id } }", null, "slug")]
    [InlineData("{ category(slug: \"a\\u0007b\") { id } }", null, "slug")]
    [InlineData("query($id: ID!) { node(id: $id) { id } }", "{\"id\":\"x\\u001b\"}", "$id")]
    public async Task Control_characters_in_text_input_are_BAD_USER_INPUT_naming_the_field(string query, string? variables, string field)
    {
        var answer = await host.PostAsync(query, variables is null ? null : JsonNode.Parse(variables));

        answer.Status.Should().Be(HttpStatusCode.BadRequest, answer.ToString());
        answer.Code.Should().Be("BAD_USER_INPUT");
        answer.Body!["errors"]![0]!["message"]!.GetValue<string>().Should().Contain(field).And.Contain("control characters");
    }

    [Fact]
    public async Task Production_does_not_suggest_field_names()
    {
        var answer = await host.PostAsync("{ viewr { userId } }");

        answer.Code.Should().Be("GRAPHQL_VALIDATION_FAILED");
        answer.Text.Should().NotContain("viewer").And.NotContain("Did you mean");
    }

    [Fact]
    public async Task GraphQL_answers_are_not_stored_by_caches_nor_sniffed()
    {
        var answer = await host.PostAsync("{ __typename }");
        var refused = await host.PostAsync("{");
        var health = await host.Http.GetAsync("/health/live");

        answer.Headers["Cache-Control"].Should().Be("no-store");
        refused.Headers["Cache-Control"].Should().Be("no-store");
        answer.Headers["X-Content-Type-Options"].Should().Be("nosniff");
        health.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task Over_WebSocket_hostile_documents_get_an_error_message_fast_and_the_socket_stays_usable()
    {
        using var socket = await host.ConnectAsync();
        await socket.InitAsync();

        // Under the 64 KB message limit: 1,500 chained fragments, 20,000 duplicate fields, a deep selection.
        var results = new List<JsonNode>();
        foreach (var (id, query) in new[] { ("chain", FragmentChain(1_500)), ("dup", DuplicateFields(20_000)), ("deep", "{ " + string.Concat(Enumerable.Repeat("... on Query { ", 100)) + "__typename" + string.Concat(Enumerable.Repeat(" }", 100)) + " }") })
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await socket.SubscribeAsync(id, query);
            var message = (await socket.ReceiveAsync())!;
            clock.Elapsed.Should().BeLessThan(Fast, message.ToJsonString());
            results.Add(message);
        }

        await socket.SubscribeAsync("ok", "{ __typename }");
        var next = await socket.ReceiveAsync();

        results.Should().OnlyContain(m => m["type"]!.GetValue<string>() == "error");
        results.Select(m => m["payload"]![0]!["extensions"]!["code"]!.GetValue<string>()).Should().Equal("QUERY_TOO_LARGE", "QUERY_TOO_LARGE", "QUERY_TOO_DEEP");
        next!["type"]!.GetValue<string>().Should().Be("next");
        host.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task Over_WebSocket_a_lone_surrogate_in_variables_is_an_error_for_that_operation()
    {
        using var socket = await host.ConnectAsync();
        await socket.InitAsync();

        await socket.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"query($a: String) { __typename }","variables":{"a":"\ud800"}}}""");
        var error = await socket.ReceiveAsync();
        await socket.SubscribeAsync("2", "{ __typename }");
        var next = await socket.ReceiveAsync();

        error!["type"]!.GetValue<string>().Should().Be("error");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("BAD_REQUEST");
        next!["type"]!.GetValue<string>().Should().Be("next");
    }

    [Fact]
    public async Task Over_a_real_socket_no_connection_init_in_time_closes_4408()
    {
        using var socket = await host.ConnectAsync();

        var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(20));

        message.Should().BeNull();
        socket.CloseStatus.Should().Be((WebSocketCloseStatus)4408, "the close frame reaches the client (not an abort seen as 1006)");
    }

    [Fact]
    public async Task Over_a_real_socket_an_invalid_message_closes_4400()
    {
        using var socket = await host.ConnectAsync();
        await socket.InitAsync();

        await socket.SendAsync("""{"type":"nonsense"}""");
        var message = await socket.ReceiveAsync();

        message.Should().BeNull();
        socket.CloseStatus.Should().Be((WebSocketCloseStatus)4400);
    }
}
