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
    internal static readonly HashSet<OperationType> AllOperations = [OperationType.Query, OperationType.Mutation, OperationType.Subscription];

    internal GraphQLExecutor Executor => executor;

    internal TokenAuthenticator Authenticator => authenticator;

    internal HttpRateLimiter RateLimiter => rateLimiter;

    internal ISessionRevocations Revocations => revocations;

    internal TimeProvider Clock => clock;

    internal IGraphQLTextSerializer Serializer => serializer;

    internal IServiceScopeFactory Scopes => scopes;

    internal GatewayRuntime Runtime => runtime;

    internal ILogger Logger => logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsync($"Use the {SubProtocol} subprotocol.", http.RequestAborted);
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
        using var connection = new WebSocketConnection(this, socket, http.CorrelationId(), http.Connection.RemoteIpAddress?.ToString(), http.RequestAborted);
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
}
