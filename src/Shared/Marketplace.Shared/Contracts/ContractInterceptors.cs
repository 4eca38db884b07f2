using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Client side: writes the current <see cref="CallContext"/> (caller, correlation id, trace) into every call's
/// metadata, and the service token when one is configured. The same interceptor wraps the in-process invoker
/// and real channels, so a module sees identical metadata either way.
/// </summary>
internal sealed class OutgoingCallContextInterceptor(string? serviceToken) : Interceptor
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithMetadata(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithMetadata(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithMetadata(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithMetadata(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithMetadata(context));

    private ClientInterceptorContext<TRequest, TResponse> WithMetadata<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        // Never mutate the caller's Metadata: it may be reused for several calls.
        var headers = context.Options.Headers is null ? [] : InProcessServerCallContext.Copy(context.Options.Headers);
        CallMetadata.Write(CallContext.Current, headers);
        if (serviceToken is not null && headers.Get(CallMetadata.ServiceToken) is null)
            headers.Add(CallMetadata.ServiceToken, serviceToken);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}

/// <summary>
/// Server side of contracts served over gRPC: checks the service token (caller identity in metadata is only
/// trustworthy from a process holding it) and makes the caller's <see cref="CallContext"/> current.
/// </summary>
internal sealed class IncomingCallContextInterceptor(ContractOptions options, ILogger<IncomingCallContextInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Enter(context);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnexpected(exception, context))
        {
            throw Internal(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var scope = Enter(context);
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsUnexpected(exception, context))
        {
            throw Internal(exception, context);
        }
    }

    private static bool IsUnexpected(Exception exception, ServerCallContext context) =>
        exception is not RpcException && !(exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    // grpc-dotnet would answer Unknown; contracts answer Internal in process and over a socket alike.
    private RpcException Internal(Exception exception, ServerCallContext context)
    {
        logger.LogError(exception, "Contract method {Method} failed", context.Method);
        var detail = options.DetailedErrors
            ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
            : "Exception was thrown by handler.";
        return new RpcException(new Status(StatusCode.Internal, detail));
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Client streaming is not offered by contracts."));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Duplex streaming is not offered by contracts."));

    private IDisposable Enter(ServerCallContext context)
    {
        // Health answers only up or down, for probes (Kubernetes' grpc probe, load balancers) that carry no token.
        if (context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal))
            return CallContext.Push(CallMetadata.Read(context.RequestHeaders));
        if (options.ServiceToken is { } expected && !TokenMatches(expected, context.RequestHeaders.GetValue(CallMetadata.ServiceToken)))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "A valid service token is required to call contracts over gRPC."));
        return CallContext.Push(CallMetadata.Read(context.RequestHeaders));
    }

    private const string HealthServicePrefix = "/grpc.health.v1.Health/";

    private static bool TokenMatches(string expected, string? presented) =>
        presented is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
