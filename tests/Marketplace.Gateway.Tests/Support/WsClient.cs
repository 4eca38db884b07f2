using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Gateway.Tests.Support;

/// <summary>A graphql-transport-ws client over the in-memory test server: raw frames, so every byte is ours to check.</summary>
public sealed class WsClient : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly WebSocket _socket;

    private WsClient(WebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<WsClient> ConnectAsync<T>(WebApplicationFactory<T> factory, string? subProtocol = "graphql-transport-ws")
        where T : class
    {
        var client = factory.Server.CreateWebSocketClient();
        if (subProtocol is not null)
            client.SubProtocols.Add(subProtocol);
        using var timeout = new CancellationTokenSource(Wait);
        var socket = await client.ConnectAsync(new Uri(factory.Server.BaseAddress, "graphql"), timeout.Token);
        return new WsClient(socket);
    }

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
    }

    public Task SendAsync(JsonNode message) => SendAsync(message.ToJsonString());

    /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<JsonNode?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return JsonNode.Parse(message.ToArray());
        }
    }

    /// <summary>Reads until the server closes, returning the close code.</summary>
    public async Task<int> ReceiveCloseAsync()
    {
        while (await ReceiveAsync() is not null)
        {
        }

        return (int)_socket.CloseStatus!.Value;
    }

    public async Task InitAsync(string? token = null)
    {
        await SendAsync(token is null ? """{"type":"connection_init"}""" : $$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{token}}}"}}""");
        var ack = await ReceiveAsync();
        ack!["type"]!.GetValue<string>().Should().Be("connection_ack");
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new JsonObject
        {
            ["id"] = id,
            ["type"] = "subscribe",
            ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables is null ? null : JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(variables)) },
        });

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // Already closed by the server.
            }
        }

        _socket.Dispose();
    }
}
