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
/// GraphQL over WebSocket with the <c>graphql-transport-ws</c> subprotocol (the graphql-ws library's protocol):
/// connection_init (carrying the token) → connection_ack, ping/pong, subscribe → next* → complete, error, and
/// the protocol's close codes (4400 bad message, 4401 unauthorized, 4403 forbidden, 4408 init timeout,
/// 4409 duplicate id, 4429 repeated init). A signed-in connection lives only as long as its session and token:
/// 4403 when the session ends (logout, revocation) or the access token expires. Every subscribe is charged to the
/// HTTP rate limits (per IP and per user); one over them gets an <c>error</c> message (RATE_LIMITED) and the socket
/// stays open.
/// </summary>
internal sealed class GraphQLWebSocketEndpoint(
    GraphQLExecutor executor,
    TokenAuthenticator authenticator,
    HttpRateLimiter rateLimiter,
    ISessionRevocations revocations,
    TimeProvider clock,
    IGraphQLTextSerializer serializer,
    IServiceScopeFactory scopes,
    GatewayRuntime runtime,
    ILogger<GraphQLWebSocketEndpoint> logger)
{
    public const string SubProtocol = "graphql-transport-ws";
    private static readonly HashSet<OperationType> AllOperations = [OperationType.Query, OperationType.Mutation, OperationType.Subscription];

    private GraphQLExecutor Executor => executor;

    private TokenAuthenticator Authenticator => authenticator;

    private HttpRateLimiter RateLimiter => rateLimiter;

    private ISessionRevocations Revocations => revocations;

    private TimeProvider Clock => clock;

    private IGraphQLTextSerializer Serializer => serializer;

    private IServiceScopeFactory Scopes => scopes;

    private GatewayRuntime Runtime => runtime;

    private ILogger Logger => logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {SubProtocol} subprotocol.", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        using var connection = new Connection(this, socket, http.CorrelationId(), http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
        try
        {
            await connection.RunAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client went away; nothing to tell it.
        }
        finally
        {
            connection.CompleteAll();
        }
    }

    private sealed class Connection(GraphQLWebSocketEndpoint endpoint, WebSocket socket, string correlationId, string? address, CancellationToken aborted) : IDisposable
    {
        // After our close frame, how long the client has to answer with its own before the connection is dropped.
        private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

        private readonly SemaphoreSlim _sending = new(1, 1);

        // Results are queued and written by one pump: a subscription source never waits on a slow socket, and
        // a client that stops reading is disconnected instead of growing our memory.
        private readonly System.Threading.Channels.Channel<string> _outbox =
            System.Threading.Channels.Channel.CreateBounded<string>(new System.Threading.Channels.BoundedChannelOptions(256) { SingleReader = true });
        private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);
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

        private async Task<bool> InitAsync(JsonElement root)
        {
            if (_initReceived)
                return await CloseAsync(4429, "Too many initialisation requests");
            _initReceived = true;

            var token = ReadToken(root);
            if (token is not null)
            {
                Authentication authentication;
                try
                {
                    authentication = await endpoint.Authenticator.AuthenticateHeaderAsync(token, _closing.Token);
                }
                catch (Grpc.Core.RpcException exception) when (exception.StatusCode is not Grpc.Core.StatusCode.Cancelled)
                {
                    endpoint.Logger.LogError(exception, "Signing keys could not be fetched from the Users module");
                    return await CloseAsync(1013, "Try again later");
                }

                if (authentication.Failed)
                    return await CloseAsync(4403, "Forbidden");
                _context = new CallContext(authentication.Caller, _context.CorrelationId);
                _ = WatchSessionAsync(authentication.Caller.SessionId, authentication.ExpiresAt);
            }

            _acknowledged = true;
            await SendAsync("""{"type":"connection_ack"}""");
            return true;
        }

        /// <summary>
        /// Closes the connection (4403) once its access token expires or its session ends: subscriptions must not outlive
        /// a logout. Sessions are checked every <see cref="GatewayWebSocketOptions.SessionCheckInterval"/>.
        /// </summary>
        private async Task WatchSessionAsync(string? sessionId, DateTimeOffset? expiresAt)
        {
            var interval = Options.WebSockets.SessionCheckInterval;
            try
            {
                while (!_closing.IsCancellationRequested)
                {
                    var untilExpiry = expiresAt is { } at ? at + endpoint.Runtime.Options.Auth.ClockSkew - endpoint.Clock.GetUtcNow() : Timeout.InfiniteTimeSpan;
                    if (expiresAt is not null && untilExpiry <= TimeSpan.Zero)
                    {
                        await EndAsync("Token expired");
                        return;
                    }

                    var wait = sessionId is null ? untilExpiry : expiresAt is null || interval < untilExpiry ? interval : untilExpiry;
                    if (wait == Timeout.InfiniteTimeSpan)
                        return;
                    await Task.Delay(wait, endpoint.Clock, _closing.Token);
                    if (sessionId is not null && await endpoint.Revocations.IsRevokedAsync(sessionId))
                    {
                        await EndAsync("Session ended");
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The connection closed first.
            }

            async Task EndAsync(string reason)
            {
                await CloseAsync(4403, reason);
                // The client answers the close and the receive loop ends; one that does not is cut off shortly after.
                _closing.CancelAfter(TimeSpan.FromSeconds(5));
            }
        }

        /// <summary>The token from connection_init's payload: <c>Authorization</c> (any case) or <c>token</c>.</summary>
        private static string? ReadToken(JsonElement root)
        {
            if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                return null;
            foreach (var property in payload.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                    continue;
                if (property.Name.Equals("authorization", StringComparison.OrdinalIgnoreCase))
                    return property.Value.GetString();
                if (property.Name.Equals("token", StringComparison.OrdinalIgnoreCase))
                    return "Bearer " + property.Value.GetString();
            }

            return null;
        }

        private async Task<bool> SubscribeAsync(JsonElement root)
        {
            if (!_acknowledged)
                return await CloseAsync(4401, "Unauthorized");
            if (!TryGetId(root, out var id) || !root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object
                || !payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                return await CloseAsync(4400, "Invalid message received");
            if (_operations.ContainsKey(id))
                return await CloseAsync(4409, $"Subscriber for {id} already exists");
            if (_operations.Count >= Options.WebSockets.MaxSubscriptionsPerConnection)
            {
                await SendErrorAsync(id, ErrorCodes.ResourceExhausted, $"At most {Options.WebSockets.MaxSubscriptionsPerConnection} operations per connection.");
                return true;
            }

            // Each operation costs a request of the HTTP budgets: a socket opened early must not outrun them.
            var wait = endpoint.RateLimiter.TryAcquireForAddress(address);
            if (wait is null && _context.Caller.Id is { } userId)
                wait = endpoint.RateLimiter.TryAcquireForUser(userId);
            if (wait is { } retryAfter)
            {
                await SendAsync(Message("error", id, SerializeErrors(new ExecutionResult { Errors = [HttpRateLimiter.Refusal(retryAfter)] })));
                return true;
            }

            GraphQLRequestData request;
            try
            {
                request = new GraphQLRequestData(
                    query.GetString()!,
                    payload.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
                    payload.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object ? endpoint.Serializer.ReadNode<Inputs>(variables) : null,
                    payload.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object ? endpoint.Serializer.ReadNode<Inputs>(extensions) : null);
            }
            catch (Exception exception) when (exception is InvalidOperationException or JsonException or FormatException or OverflowException or ArgumentException)
            {
                // Text System.Text.Json accepted but .NET cannot hold (a lone surrogate escape), or values GraphQL.NET cannot read.
                await SendErrorAsync(id, ErrorCodes.BadRequest, "The operation holds text that is not valid Unicode or values that cannot be read.");
                return true;
            }

            var operation = new Operation(endpoint.Scopes.CreateAsyncScope(), _closing.Token);
            _operations[id] = operation;
            // Executed in the background: the socket keeps reading (pings, completes) while a subscription lives.
            _ = RunOperationAsync(id, request, operation);
            return true;
        }

        private async Task RunOperationAsync(string id, GraphQLRequestData request, Operation operation)
        {
            try
            {
                var (result, outcome) = await endpoint.Executor.ExecuteAsync(request, _context, operation.Services, AllOperations, operation.Token);
                if (outcome != ExecutionOutcome.Executed || result.Streams is not { Count: > 0 } streams)
                {
                    if (outcome == ExecutionOutcome.Executed && (result.Data is not null || result.Errors is null))
                        await SendAsync(Message("next", id, endpoint.Serializer.Serialize(result)));
                    else
                        await SendAsync(Message("error", id, SerializeErrors(result)));
                    if (outcome == ExecutionOutcome.Executed && result.Data is not null && _operations.TryRemove(id, out _))
                        await SendAsync(Message("complete", id, null));
                    else
                        _operations.TryRemove(id, out _);
                    operation.Dispose();
                    return;
                }

                operation.Subscription = streams.Values.First().Subscribe(new Observer(this, id));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                endpoint.Logger.LogError(exception, "WebSocket operation failed");
                _operations.TryRemove(id, out _);
                operation.Dispose();
                await SendErrorAsync(id, ErrorCodes.Internal, GatewayErrorInfoProvider.InternalMessage);
            }
            catch (OperationCanceledException)
            {
                operation.Dispose();
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

        /// <summary>Forwards a subscription's results as next/complete messages, with the connection's correlation id.</summary>
        private sealed class Observer(Connection connection, string id) : IObserver<ExecutionResult>
        {
            public void OnNext(ExecutionResult value)
            {
                using var scope = CallContext.Push(connection._context);
                var payload = connection.Endpoint.Serializer.Serialize(value);
                _ = connection.SendAsync(Message("next", id, payload));
            }

            public void OnError(Exception error)
            {
                using var scope = CallContext.Push(connection._context);
                connection.Endpoint.Logger.LogWarning(error, "Subscription source failed");
                if (connection._operations.TryRemove(id, out var operation))
                {
                    _ = connection.SendErrorAsync(id, ErrorCodes.Internal, GatewayErrorInfoProvider.InternalMessage);
                    operation.Dispose();
                }
            }

            public void OnCompleted()
            {
                if (connection._operations.TryRemove(id, out var operation))
                {
                    _ = connection.SendAsync(Message("complete", id, null));
                    operation.Dispose();
                }
            }
        }
    }

    /// <summary>One running operation: its DI scope (DataLoaders), cancellation and source subscription.</summary>
    private sealed class Operation(AsyncServiceScope scope, CancellationToken connection) : IDisposable
    {
        private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(connection);
        private int _disposed;

        public IServiceProvider Services => scope.ServiceProvider;

        public CancellationToken Token => _cancellation.Token;

        public IDisposable? Subscription { get; set; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
                return;
            Subscription?.Dispose();
            _cancellation.Cancel();
            _cancellation.Dispose();
            _ = scope.DisposeAsync().AsTask();
        }
    }
}
