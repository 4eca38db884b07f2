using System.Text.Json.Nodes;
using Marketplace.Gateway.Tests.Support;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Tests;

/// <summary>Subscriptions over WebSocket, graphql-transport-ws protocol, including its close codes.</summary>
public sealed class WebSocketTests(SharedGateway gateway)
{
    private TestEvents Events => gateway.Services.GetRequiredService<TestEvents>();

    private static string Topic() => "topic-" + Guid.NewGuid().ToString("N");

    private Task WaitForSubscriberAsync(string topic, int count = 1) =>
        Eventually.AssertAsync(() => Task.FromResult(Events.SubscriberCount(topic) == count), because: $"{count} subscriber(s) on {topic}");

    [Fact]
    public async Task Connection_init_is_acknowledged_and_ping_answered_with_pong()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);

        await ws.InitAsync();
        await ws.SendAsync("""{"type":"ping","payload":{"n":1}}""");
        var pong = await ws.ReceiveAsync();

        ws.SubProtocol.Should().Be("graphql-transport-ws");
        pong.Json().Should().Be("""{"type":"pong","payload":{"n":1}}""");
    }

    [Fact]
    public async Task Subscription_streams_next_per_event_and_complete_when_the_source_ends()
    {
        var topic = Topic();
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SubscribeAsync("s1", "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });
        await WaitForSubscriberAsync(topic);
        Events.Publish(topic, "first");
        var first = await ws.ReceiveAsync();
        Events.Publish(topic, "second");
        var second = await ws.ReceiveAsync();
        Events.Complete(topic);
        var complete = await ws.ReceiveAsync();

        first.Json().Should().Be("""{"id":"s1","type":"next","payload":{"data":{"testTicks":"first"}}}""");
        second!["payload"]!["data"]!["testTicks"]!.GetValue<string>().Should().Be("second");
        complete.Json().Should().Be("""{"id":"s1","type":"complete"}""");
    }

    [Fact]
    public async Task Client_complete_stops_the_subscription()
    {
        var topic = Topic();
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();
        await ws.SubscribeAsync("s1", "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });
        await WaitForSubscriberAsync(topic);

        await ws.SendAsync("""{"id":"s1","type":"complete"}""");

        await WaitForSubscriberAsync(topic, 0);
    }

    [Fact]
    public async Task Query_over_WebSocket_gives_next_then_complete()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SubscribeAsync("q1", "{ __typename }");
        var next = await ws.ReceiveAsync();
        var complete = await ws.ReceiveAsync();

        next.Json().Should().Be("""{"id":"q1","type":"next","payload":{"data":{"__typename":"Query"}}}""");
        complete.Json().Should().Be("""{"id":"q1","type":"complete"}""");
    }

    [Fact]
    public async Task Invalid_document_gives_an_error_message()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SubscribeAsync("e1", "subscription { noSuchField }");
        var error = await ws.ReceiveAsync();

        error!["type"]!.GetValue<string>().Should().Be("error");
        error["id"]!.GetValue<string>().Should().Be("e1");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("GRAPHQL_VALIDATION_FAILED");
    }

    [Fact]
    public async Task Protected_subscription_without_a_token_is_UNAUTHENTICATED()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SubscribeAsync("p1", "subscription { testPrivateTicks(topic: \"x\") }");
        var message = await ws.ReceiveAsync();

        message!["type"]!.GetValue<string>().Should().Be("error");
        message["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Token_in_connection_init_identifies_the_subscriber()
    {
        var tokens = await TestSigningKey.CreateAsync();
        var user = "ws-" + Guid.NewGuid().ToString("N")[..10];
        var topic = Topic();
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync(tokens.Issue(user, ["BUYER"]));

        await ws.SubscribeAsync("p1", "subscription S($t: String!) { testPrivateTicks(topic: $t) }", new { t = topic });
        await WaitForSubscriberAsync(topic);
        Events.Publish(topic, "tick");
        var next = await ws.ReceiveAsync();

        next!["payload"]!["data"]!["testPrivateTicks"]!.GetValue<string>().Should().Be($"tick for {user}");
    }

    [Fact]
    public async Task Invalid_token_in_connection_init_closes_4403()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);

        await ws.SendAsync("""{"type":"connection_init","payload":{"Authorization":"Bearer not.a.jwt"}}""");

        (await ws.ReceiveCloseAsync()).Should().Be(4403);
    }

    [Fact]
    public async Task Subscribe_before_ack_closes_4401()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);

        await ws.SubscribeAsync("s1", "{ __typename }");

        (await ws.ReceiveCloseAsync()).Should().Be(4401);
    }

    [Fact]
    public async Task Second_connection_init_closes_4429()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SendAsync("""{"type":"connection_init"}""");

        (await ws.ReceiveCloseAsync()).Should().Be(4429);
    }

    [Fact]
    public async Task Duplicate_subscriber_id_closes_4409()
    {
        var topic = Topic();
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();
        await ws.SubscribeAsync("same", "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });
        await WaitForSubscriberAsync(topic);

        await ws.SubscribeAsync("same", "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });

        (await ws.ReceiveCloseAsync()).Should().Be(4409);
        ws.CloseDescription.Should().Be("Subscriber for same already exists");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"no_such_type"}""")]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ __typename }"}}""")]
    public async Task Invalid_message_closes_4400(string message)
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SendAsync(message);

        (await ws.ReceiveCloseAsync()).Should().Be(4400);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_1009()
    {
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();

        await ws.SendAsync("{\"id\":\"big\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ __typename " + new string(' ', 70 * 1024) + "}\"}}");

        (await ws.ReceiveCloseAsync()).Should().Be(1009);
    }

    [Fact]
    public async Task Connecting_without_the_subprotocol_is_refused()
    {
        var act = async () => await WsClient.ConnectAsync(gateway, subProtocol: null);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*400*");
    }

    [Fact]
    public async Task Operations_over_the_per_connection_limit_get_an_error()
    {
        var topic = Topic();
        await using var ws = await WsClient.ConnectAsync(gateway);
        await ws.InitAsync();
        for (var i = 0; i < 20; i++)
            await ws.SubscribeAsync("s" + i, "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });
        await WaitForSubscriberAsync(topic, 20);

        await ws.SubscribeAsync("one-too-many", "subscription S($t: String!) { testTicks(topic: $t) }", new { t = topic });
        var error = await ws.ReceiveAsync();

        error!["id"]!.GetValue<string>().Should().Be("one-too-many");
        error["type"]!.GetValue<string>().Should().Be("error");
        error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>().Should().Be("RESOURCE_EXHAUSTED");
    }
}

/// <summary>A client that never sends connection_init is closed with 4408.</summary>
public sealed class WebSocketInitTimeoutTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = (GatewayFactory)new GatewayFactory().With("Gateway:WebSockets:ConnectionInitTimeout", "00:00:00.200");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task No_connection_init_in_time_closes_4408()
    {
        await using var ws = await WsClient.ConnectAsync(_factory);

        (await ws.ReceiveCloseAsync()).Should().Be(4408);
    }
}

/// <summary>A signed-in connection lives only as long as its session and its access token.</summary>
public sealed class WebSocketSessionTests : IAsyncLifetime
{
    private readonly GatewayFactory _factory = (GatewayFactory)new GatewayFactory()
        .With("Gateway:WebSockets:SessionCheckInterval", "00:00:00.200")
        .With("Gateway:Auth:ClockSkew", "00:00:00");

    private TestEvents Events => _factory.Services.GetRequiredService<TestEvents>();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Ending_the_session_closes_its_connection_4403_and_leaves_other_sessions_streaming()
    {
        var tokens = await TestSigningKey.CreateAsync();
        var user = "ws-" + Guid.NewGuid().ToString("N")[..10];
        var (ended, kept) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var topic = "topic-" + Guid.NewGuid().ToString("N");
        await using var loggedOut = await WsClient.ConnectAsync(_factory);
        await using var stillIn = await WsClient.ConnectAsync(_factory);
        await loggedOut.InitAsync(tokens.Issue(user, ["BUYER"], sessionId: ended));
        await stillIn.InitAsync(tokens.Issue(user, ["BUYER"], sessionId: kept));
        await loggedOut.SubscribeAsync("p1", "subscription S($t: String!) { testPrivateTicks(topic: $t) }", new { t = topic });
        await stillIn.SubscribeAsync("p1", "subscription S($t: String!) { testPrivateTicks(topic: $t) }", new { t = topic });
        await Eventually.AssertAsync(() => Task.FromResult(Events.SubscriberCount(topic) == 2), because: "both subscribed");

        await _factory.Services.GetRequiredService<Marketplace.Shared.Security.ISessionRevocations>().MarkRevokedAsync([ended], TimeSpan.FromMinutes(10));

        (await loggedOut.ReceiveCloseAsync()).Should().Be(4403);
        await Eventually.AssertAsync(() => Task.FromResult(Events.SubscriberCount(topic) == 1), because: "the ended session's subscription is gone");
        Events.Publish(topic, "after");
        (await stillIn.ReceiveAsync())!["payload"]!["data"]!["testPrivateTicks"]!.GetValue<string>().Should().Be($"after for {user}");
    }

    [Fact]
    public async Task An_expiring_access_token_closes_its_connection_4403()
    {
        var tokens = await TestSigningKey.CreateAsync();
        await using var ws = await WsClient.ConnectAsync(_factory);
        await ws.InitAsync(tokens.Issue("ws-" + Guid.NewGuid().ToString("N")[..10], ["BUYER"], sessionId: Guid.NewGuid().ToString(), expires: DateTime.UtcNow.AddSeconds(2)));

        (await ws.ReceiveCloseAsync()).Should().Be(4403);
    }
}
