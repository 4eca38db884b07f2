using System.Collections.Concurrent;
using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Testing;

/// <summary>
/// Stands in for the NotificationsDelivery contract where a suite reads the emails a module asks for rather than the SMTP
/// server: records each SendTransactionalEmail call (with the caller the context names) and answers OK. Shared by
/// the Users, Sellers and Catalog suites.
/// </summary>
public sealed class RecordingNotifications : CallInvoker
{
    private readonly ConcurrentQueue<(SendTransactionalEmailRequest Request, string? CallerKind)> _sent = new();

    public IReadOnlyList<SendTransactionalEmailRequest> SentTo(string email) =>
        _sent.Where(s => string.Equals(s.Request.RecipientEmail, email, StringComparison.OrdinalIgnoreCase)).Select(s => s.Request).ToList();

    public IReadOnlyList<string?> CallerKindsFor(string email) =>
        _sent.Where(s => string.Equals(s.Request.RecipientEmail, email, StringComparison.OrdinalIgnoreCase)).Select(s => s.CallerKind).ToList();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        if (request is not SendTransactionalEmailRequest email)
            throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
        // The outgoing interceptor is not in this path, so the caller is read from the ambient context.
        _sent.Enqueue((email.Clone(), Marketplace.Shared.Contracts.CallContext.Current.Caller.Kind.ToString()));
        var response = (TResponse)(object)new SendTransactionalEmailResponse { NotificationId = Guid.NewGuid().ToString() };
        return new AsyncUnaryCall<TResponse>(Task.FromResult(response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));
}
