using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Limits;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Operations;
using Marketplace.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;


namespace Marketplace.Gateway.WebSockets;

/// <summary>
/// One graphql-transport-ws connection: the receive loop and message dispatch, the send pump (one writer, a bounded
/// queue), the close handshake and cleanup. Initialisation, session watching and operations are in
/// WebSocketConnection.Operations.cs.
/// </summary>
internal sealed partial class WebSocketConnection(GraphQLWebSocketEndpoint endpoint, WebSocket socket, string correlationId, string? address, CancellationToken aborted) : IDisposable
{
    // After our close frame, how long the client has to answer with its own before the connection is dropped.
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _sending = new(1, 1);

    // Results are queued and written by one pump: a subscription source never waits on a slow socket, and
    // a client that stops reading is disconnected instead of growing our memory.
    private readonly System.Threading.Channels.Channel<string> _outbox =
        System.Threading.Channels.Channel.CreateBounded<string>(new System.Threading.Channels.BoundedChannelOptions(256) { SingleReader = true });
    private readonly ConcurrentDictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = CancellationTokenSource.CreateLinkedTokenSource(aborted);
    private CallContext _context = new(Caller.Anonymous, correlationId);
    private bool _initReceived;
    private bool _acknowledged;

    public GraphQLWebSocketEndpoint Endpoint => endpoint;

    private GatewayOptions Options => endpoint.Runtime.Options;

    public void Dispose()
    {
        _sending.Dispose();
        _closing.Dispose();
    }

    public async Task RunAsync()
    {
        _ = PumpAsync();
        var initTimeout = Task.Delay(Options.WebSockets.ConnectionInitTimeout, _closing.Token);
        var buffer = new ArrayBufferWriter<byte>();
        var receiving = ReceiveAsync(buffer);
        while (true)
        {
            var finished = await Task.WhenAny(receiving, initTimeout);
            if (finished == initTimeout)
            {
                if (initTimeout.IsCanceled)
                    return;
                if (!_initReceived)
                {
                    await CloseAsync(4408, "Connection initialisation timeout");
                    await AwaitClientCloseAsync(receiving, buffer);
                    return;
                }

                initTimeout = Task.Delay(Timeout.Infinite, _closing.Token);
                continue;
            }

            var message = await receiving;
            if (message is null)
                return;
            buffer.Clear();
            if (!await HandleAsync(message))
            {
                await AwaitClientCloseAsync(ReceiveAsync(buffer), buffer);
                return;
            }

            receiving = ReceiveAsync(buffer);
        }
    }

    /// <summary>
    /// The rest of the closing handshake after our close frame: read until the client's close frame (or give up
    /// after <see cref="CloseHandshakeTimeout"/>). Returning at once would cancel the pending read, which aborts the
    /// TCP connection before the close frame is flushed: the client then sees 1006 instead of our code.
    /// </summary>
    private async Task AwaitClientCloseAsync(Task<string?> pending, ArrayBufferWriter<byte> buffer)
    {
        var deadline = Task.Delay(CloseHandshakeTimeout, CancellationToken.None);
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                if (await Task.WhenAny(pending, deadline) == deadline || await pending is null)
                    return;
                buffer.Clear();
                pending = ReceiveAsync(buffer);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away without answering.
        }
    }

    /// <summary>Reads one text message; null when the socket closed. Oversized messages close with 1009.</summary>
    private async Task<string?> ReceiveAsync(ArrayBufferWriter<byte> buffer)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), _closing.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                // The client closed first: answer it. (When we closed first, this is its answer: nothing to send.)
                if (socket.State == WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > Options.WebSockets.MaxMessageBytes)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, "Message too big");
                return null;
            }

            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>Handles one message; false when the connection was closed.</summary>
    private async Task<bool> HandleAsync(string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return await CloseAsync(4400, "Invalid message received");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                return await CloseAsync(4400, "Invalid message received");

            switch (typeElement.GetString())
            {
                case "connection_init":
                    return await InitAsync(root);
                case "ping":
                    await SendAsync(root.TryGetProperty("payload", out var pingPayload) ? $$"""{"type":"pong","payload":{{pingPayload.GetRawText()}}}""" : """{"type":"pong"}""");
                    return true;
                case "pong":
                    return true;
                case "subscribe":
                    return await SubscribeAsync(root);
                case "complete":
                    if (!TryGetId(root, out var completedId))
                        return await CloseAsync(4400, "Invalid message received");
                    if (_operations.TryRemove(completedId, out var operation))
                        operation.Dispose();
                    return true;
                default:
                    return await CloseAsync(4400, "Invalid message received");
            }
        }
    }

    private string SerializeErrors(ExecutionResult result)
    {
        using var document = JsonDocument.Parse(endpoint.Serializer.Serialize(result));
        return document.RootElement.TryGetProperty("errors", out var errors) ? errors.GetRawText() : "[]";
    }

    private Task SendErrorAsync(string id, string code, string message) =>
        SendAsync(Message("error", id, SerializeErrors(new ExecutionResult { Errors = [new GatewayError(code, message)] })));

    private static string Message(string type, string id, string? payload) =>
        payload is null
            ? $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}"}"""
            : $$"""{"id":{{JsonSerializer.Serialize(id)}},"type":"{{type}}","payload":{{payload}}}""";

    private Task SendAsync(string message)
    {
        if (!_outbox.Writer.TryWrite(message) && !_closing.IsCancellationRequested)
            _ = CloseAsync((int)WebSocketCloseStatus.PolicyViolation, "Client too slow to read");
        return Task.CompletedTask;
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(_closing.Token))
            {
                var bytes = Encoding.UTF8.GetBytes(message);
                await _sending.WaitAsync(_closing.Token);
                try
                {
                    if (socket.State == WebSocketState.Open)
                        await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _closing.Token);
                }
                finally
                {
                    _sending.Release();
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed under us; the receive loop ends the connection.
        }
    }

    private async Task<bool> CloseAsync(int code, string reason)
    {
        try
        {
            await _sending.WaitAsync(CancellationToken.None);
            try
            {
                if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            // Already gone.
        }

        return false;
    }

    private static bool TryGetId(JsonElement root, out string id)
    {
        id = "";
        if (!root.TryGetProperty("id", out var element) || element.ValueKind != JsonValueKind.String || element.GetString() is not { Length: > 0 } value)
            return false;
        id = value;
        return true;
    }

    public void CompleteAll()
    {
        _outbox.Writer.TryComplete();
        _closing.Cancel();
        foreach (var id in _operations.Keys)
        {
            if (_operations.TryRemove(id, out var operation))
                operation.Dispose();
        }
    }
}
