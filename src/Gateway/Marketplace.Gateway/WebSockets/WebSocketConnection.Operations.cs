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

/// <summary>connection_init (authentication, session watching) and subscribe (rate limits, execution, results).</summary>
internal sealed partial class WebSocketConnection
{
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

        var operation = new WebSocketOperation(endpoint.Scopes.CreateAsyncScope(), _closing.Token);
        _operations[id] = operation;
        // Executed in the background: the socket keeps reading (pings, completes) while a subscription lives.
        _ = RunOperationAsync(id, request, operation);
        return true;
    }

    private async Task RunOperationAsync(string id, GraphQLRequestData request, WebSocketOperation operation)
    {
        try
        {
            var (result, outcome) = await endpoint.Executor.ExecuteAsync(request, _context, operation.Services, GraphQLWebSocketEndpoint.AllOperations, operation.Token);
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

    /// <summary>Forwards a subscription's results as next/complete messages, with the connection's correlation id.</summary>
    private sealed class Observer(WebSocketConnection connection, string id) : IObserver<ExecutionResult>
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
