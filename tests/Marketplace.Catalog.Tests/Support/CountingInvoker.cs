using System.Collections.Concurrent;
using Grpc.Core;
using Marketplace.Shared.Contracts;

namespace Marketplace.Catalog.Tests.Support;

/// <summary>
/// Wraps a module's real contract invoker (the gateway's Sellers or Catalog taxonomy client) and counts the calls of
/// each method per correlation id (the X-Correlation-Id a test sends) and kind of caller, so a test can tell how many
/// GetStores or GetCategories calls the gateway made for one GraphQL request (a module's own calls, as a service, are
/// counted apart).
/// </summary>
public sealed class CountingInvoker(CallInvoker inner) : CallInvoker
{
    private readonly ConcurrentDictionary<(string CorrelationId, string Method, CallerKind Caller), int> _calls = new();

    public int Calls(string correlationId, string method, CallerKind caller) => _calls.GetValueOrDefault((correlationId, method, caller));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        _calls.AddOrUpdate((CallContext.Current.CorrelationId, method.Name, CallContext.Current.Caller.Kind), 1, (_, n) => n + 1);
        return inner.AsyncUnaryCall(method, host, options, request);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        inner.BlockingUnaryCall(method, host, options, request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        inner.AsyncServerStreamingCall(method, host, options, request);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        inner.AsyncClientStreamingCall(method, host, options);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        inner.AsyncDuplexStreamingCall(method, host, options);
}
