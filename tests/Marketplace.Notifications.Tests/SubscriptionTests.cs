using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Notifications.Tests.Support;
using Marketplace.Testing;

namespace Marketplace.Notifications.Tests;

[Collection(NotificationsCollection.Name)]
public sealed class SubscriptionTests(NotificationsHost host)
{
    private static readonly HttpClient Monitor = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task NotificationReceived_streams_the_viewers_new_feed_entries_over_the_websocket()
    {
        var tokens = await TestSigningKey.CreateAsync(host.Database);
        var sellerId = Guid.CreateVersion7();
        var client = host.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        using var socket = await client.ConnectAsync(new Uri(host.Factory.Server.BaseAddress, "graphql"), CancellationToken.None);
        var init = new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["Authorization"] = "Bearer " + tokens.Issue(sellerId, "SELLER") } };
        await SendAsync(socket, init.ToJsonString());
        (await ReceiveAsync(socket))!["type"]!.GetValue<string>().Should().Be("connection_ack");
        await SendAsync(socket, """{"id":"1","type":"subscribe","payload":{"query":"subscription { notificationReceived { id kind title readAt } }"}}""");
        // The live signal is NATS core (at most once): wait until the subscription is registered before the event.
        await Eventually.AssertAsync(async () => (await Monitor.GetStringAsync(NatsMonitor() + "/connz?subs=1")).Contains($"live.notifications.feed.{sellerId:N}", StringComparison.Ordinal),
            NotificationsHost.Patience, "the feed subscription reached NATS");

        await host.PublishAsync(new SellerEmailVerified(sellerId, NotificationsHost.UniqueEmail("live"), "Live Shop", DateTimeOffset.UtcNow), Guid.CreateVersion7());

        var next = await ReceiveAsync(socket);
        next!["type"]!.GetValue<string>().Should().Be("next", next.ToJsonString());
        next["id"]!.GetValue<string>().Should().Be("1");
        var notification = next["payload"]!["data"]!["notificationReceived"]!;
        notification["kind"]!.GetValue<string>().Should().Be("seller_welcome");
        notification["title"]!.GetValue<string>().Should().Be("Welcome to Marketplace, Live Shop");
        notification["readAt"].Should().BeNull();
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    private static string NatsMonitor() => $"http://127.0.0.1:{Environment.GetEnvironmentVariable("MARKETPLACE_NATS_MONITOR_PORT") ?? "18222"}";

    private static Task SendAsync(WebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(NotificationsHost.Patience);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var node = JsonNode.Parse(message.ToArray());
                if (node?["type"]?.GetValue<string>() is "ping" or "pong")
                {
                    message.SetLength(0);
                    continue;
                }

                return node;
            }
        }
    }
}
