using System.Text;
using System.Text.Json;
using GraphQL;
using GraphQLParser.AST;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Limits;
using Marketplace.Gateway.WebSockets;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Gateway.Http;

/// <summary>
/// GraphQL over HTTP (graphql-over-http spec) at /graphql: POST with a JSON body, GET for queries, media type
/// by Accept with the spec's status codes; also the entry of WebSocket subscriptions and of GraphiQL.
/// </summary>
internal sealed class GraphQLHttpEndpoint(
    GraphQLExecutor executor,
    TokenAuthenticator authenticator,
    HttpRateLimiter rateLimiter,
    IGraphQLTextSerializer serializer,
    GatewayRuntime runtime,
    GraphQLWebSocketEndpoint webSockets,
    ILogger<GraphQLHttpEndpoint> logger)
{
    private static readonly HashSet<OperationType> GetOperations = [OperationType.Query];
    private static readonly HashSet<OperationType> PostOperations = [OperationType.Query, OperationType.Mutation];
    private const string UnreadableText = "The request holds text that is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape).";

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (http.WebSockets.IsWebSocketRequest)
        {
            // A connection counts as one request against the address's budget (its operations are bounded per socket).
            if (rateLimiter.TryAcquireForAddress(ip) is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WritePlainAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests; retry later.");
                return;
            }

            await webSockets.HandleAsync(http);
            return;
        }

        // Answers may carry tokens (sign-in payloads) or a user's data: no cache along the way may keep them.
        http.Response.Headers.CacheControl = "no-store";

        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "GET, POST";
            await WritePlainAsync(http, StatusCodes.Status405MethodNotAllowed, "GraphQL accepts GET (queries) and POST.");
            return;
        }

        var accept = request.Headers.Accept.Select(a => a ?? "").ToList();
        if (isGet && !request.Query.ContainsKey("query") && runtime.GraphiQL && MediaTypes.AcceptsHtml(accept))
        {
            await GraphiQLPage.WriteAsync(http);
            return;
        }

        var mediaType = MediaTypes.Negotiate(accept);
        if (mediaType is null)
        {
            await WritePlainAsync(http, StatusCodes.Status406NotAcceptable, $"Accept {MediaTypes.GraphQLResponse} or {MediaTypes.Json}.");
            return;
        }

        if (rateLimiter.TryAcquireForAddress(ip) is { } ipWait)
        {
            await WriteRateLimitedAsync(http, mediaType, ipWait);
            return;
        }

        Authentication authentication;
        try
        {
            authentication = await authenticator.AuthenticateHeaderAsync(request.Headers.Authorization.ToString(), http.RequestAborted);
        }
        catch (Grpc.Core.RpcException exception) when (exception.StatusCode is not Grpc.Core.StatusCode.Cancelled)
        {
            // The Users module cannot say whether the token is good (its signing keys, or its session when Redis is down):
            // the token can be neither accepted nor refused.
            logger.LogError(exception, "The access token could not be checked: the Users module (signing keys or session state) did not answer");
            http.Response.Headers.RetryAfter = "5";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, "Sign-in is temporarily unavailable; retry shortly.");
            return;
        }

        if (authentication.Failed)
        {
            // An invalid token is refused outright, even for anonymous fields: the client must know it is not signed in.
            http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{authentication.Failure}\"";
            await WriteErrorAsync(http, mediaType, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated, $"The access token was refused: {authentication.Failure}.");
            return;
        }

        if (authentication.Caller.Id is { } userId && rateLimiter.TryAcquireForUser(userId) is { } userWait)
        {
            await WriteRateLimitedAsync(http, mediaType, userWait);
            return;
        }

        var (parsed, problem, problemStatus) = isGet ? ReadGet(request) : await ReadPostAsync(request, http.RequestAborted);
        if (parsed is null)
        {
            await WriteErrorAsync(http, mediaType, problemStatus, ErrorCodes.BadRequest, problem!);
            return;
        }

        var callContext = new CallContext(authentication.Caller, http.CorrelationId());
        var (result, outcome) = await executor.ExecuteAsync(parsed, callContext, http.RequestServices, isGet ? GetOperations : PostOperations, http.RequestAborted);
        switch (outcome)
        {
            case ExecutionOutcome.OperationNotAllowed when isGet:
                http.Response.Headers.Allow = "POST";
                await WriteErrorAsync(http, mediaType, StatusCodes.Status405MethodNotAllowed, ErrorCodes.BadRequest, "Only queries may be sent with GET; send mutations with POST.");
                return;
            case ExecutionOutcome.OperationNotAllowed:
                await WriteErrorAsync(http, mediaType, StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "Subscriptions are served over WebSocket (graphql-transport-ws) at /graphql.");
                return;
        }

        // graphql-response+json: a request error (nothing executed) is 4xx; application/json keeps the legacy 200.
        var status = outcome == ExecutionOutcome.RequestError && mediaType == MediaTypes.GraphQLResponse
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        await WriteResultAsync(http, mediaType, status, result);
    }

    private (GraphQLRequestData? Request, string? Problem, int Status) ReadGet(HttpRequest request)
    {
        var query = request.Query["query"];
        if (query.Count != 1 || string.IsNullOrEmpty(query[0]))
            return Bad("The 'query' parameter is required (exactly once).");
        var operationName = request.Query["operationName"].ToString();
        if (!TryParseObject(request.Query["variables"].ToString(), "variables", out var variables, out var problem)
            || !TryParseObject(request.Query["extensions"].ToString(), "extensions", out var extensions, out problem))
            return Bad(problem!);
        return (new GraphQLRequestData(query[0]!, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null, 0);
    }

    private async Task<(GraphQLRequestData? Request, string? Problem, int Status)> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(MediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            return (null, $"Send the request as {MediaTypes.Json}.", StatusCodes.Status415UnsupportedMediaType);

        var limit = runtime.Options.MaxRequestBytes;
        if (request.ContentLength > limit)
            return TooLarge(limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return TooLarge(limit);
            buffer.Write(chunk, 0, read);
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return Bad("The body is not valid JSON.");
        }

        using (json)
        {
            try
            {
                return ReadBody(json.RootElement);
            }
            catch (Exception exception) when (IsUnreadableText(exception))
            {
                return Bad(UnreadableText);
            }
        }
    }

    private (GraphQLRequestData? Request, string? Problem, int Status) ReadBody(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            return Bad("Batched requests (a JSON array) are not supported: send one operation per request.");
        if (root.ValueKind != JsonValueKind.Object)
            return Bad("The body must be a JSON object with a 'query'.");

        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 } text)
            return Bad("'query' is required and must be a non-empty string.");
        string? operationName = null;
        if (root.TryGetProperty("operationName", out var name) && name.ValueKind != JsonValueKind.Null)
        {
            if (name.ValueKind != JsonValueKind.String)
                return Bad("'operationName' must be a string or null.");
            operationName = name.GetString();
        }

        if (!TryReadObject(root, "variables", out var variables, out var problem) || !TryReadObject(root, "extensions", out var extensions, out problem))
            return Bad(problem!);
        return (new GraphQLRequestData(text, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null, 0);
    }

    /// <summary>
    /// What System.Text.Json throws when a string it accepted while parsing cannot become .NET text: invalid UTF-8
    /// bytes or a lone <c>\ud800</c> escape (InvalidOperationException), or a value GraphQL.NET cannot read.
    /// </summary>
    private static bool IsUnreadableText(Exception exception) =>
        exception is InvalidOperationException or JsonException or FormatException or OverflowException or ArgumentException or DecoderFallbackException;

    private bool TryReadObject(JsonElement root, string property, out Inputs? value, out string? problem)
    {
        value = null;
        problem = null;
        if (!root.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = $"'{property}' must be a JSON object or null.";
            return false;
        }

        value = serializer.ReadNode<Inputs>(element);
        return true;
    }

    private bool TryParseObject(string raw, string property, out Inputs? value, out string? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(raw))
            return true;
        try
        {
            using var json = JsonDocument.Parse(raw);
            if (json.RootElement.ValueKind == JsonValueKind.Null)
                return true;
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"'{property}' must be a JSON object.";
                return false;
            }

            value = serializer.ReadNode<Inputs>(json.RootElement);
            return true;
        }
        catch (JsonException)
        {
            problem = $"'{property}' is not valid JSON.";
            return false;
        }
        catch (Exception exception) when (IsUnreadableText(exception))
        {
            problem = UnreadableText;
            return false;
        }
    }

    private static (GraphQLRequestData?, string?, int) Bad(string problem) => (null, problem, StatusCodes.Status400BadRequest);

    private static (GraphQLRequestData?, string?, int) TooLarge(long limit) =>
        (null, $"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);

    private Task WriteRateLimitedAsync(HttpContext http, string mediaType, TimeSpan wait)
    {
        var error = HttpRateLimiter.Refusal(wait);
        http.Response.Headers.RetryAfter = error.Details!["retryAfterSeconds"]!.ToString();
        return WriteResultAsync(http, mediaType, StatusCodes.Status429TooManyRequests, new ExecutionResult { Errors = [error] });
    }

    private Task WriteErrorAsync(HttpContext http, string mediaType, int status, string code, string message) =>
        WriteResultAsync(http, mediaType, status, new ExecutionResult { Errors = [new GatewayError(code, message)] });

    private async Task WriteResultAsync(HttpContext http, string mediaType, int status, ExecutionResult result)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = $"{mediaType}; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    private static Task WritePlainAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message, http.RequestAborted);
    }
}
