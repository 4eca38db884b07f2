using System.Collections.Concurrent;
using Grpc.Core;
using Marketplace.Shared.Contracts;

namespace Marketplace.Testing;

/// <summary>
/// Wraps a real contract invoker and counts the calls of each method per correlation id (the X-Correlation-Id a test
/// sends), so a test can tell how many contract calls one GraphQL request cost. With <paramref name="usersOnly"/> only
/// calls made on a signed-in user's behalf count (the gateway's), not those of modules calling as themselves (Catalog
/// asking Sellers which stores are open); <see cref="Calls(string, string, CallerKind)"/> counts one kind of caller (an
/// anonymous visitor's calls, say).
/// </summary>
public sealed class CountingInvoker(CallInvoker inner, bool usersOnly = false) : CallInvoker
{
    private readonly ConcurrentDictionary<(string CorrelationId, string Method, CallerKind Caller), int> _calls = new();

    public int Calls(string correlationId, string method) => usersOnly
        ? Calls(correlationId, method, CallerKind.User)
        : _calls.Where(c => c.Key.CorrelationId == correlationId && c.Key.Method == method).Sum(c => c.Value);

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
