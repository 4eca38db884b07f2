using System.Diagnostics;
using System.Threading.Channels;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// A <see cref="CallInvoker"/> that calls contract implementations of this process directly, without a socket,
/// with the semantics a gRPC client would see over the wire: messages are copied both ways, each call gets its
/// own DI scope, metadata is carried, deadline and cancellation end the call with the right status, and an
/// unexpected exception becomes <see cref="StatusCode.Internal"/> without its message outside Development.
/// </summary>
public sealed class InProcessCallInvoker(
    ContractMethodTable methods,
    IServiceScopeFactory scopes,
    ContractOptions options,
    ILogger<InProcessCallInvoker> logger) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new CallState(method.FullName, options);
        var response = methods.Find(method.FullName) is IUnaryContractMethod<TRequest, TResponse> unary
            ? RunUnaryAsync(call, unary, Clone(method.RequestMarshaller, request))
            : Task.FromException<TResponse>(call.Fail(Unimplemented(method.FullName)));
        return new AsyncUnaryCall<TResponse>(response, call.ResponseHeaders, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new CallState(method.FullName, options);
        // One message in flight: the handler's WriteAsync waits for the reader, as flow control does over HTTP/2.
        var channel = Channel.CreateBounded<TResponse>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        if (methods.Find(method.FullName) is IServerStreamingContractMethod<TRequest, TResponse> streaming)
            _ = RunServerStreamingAsync(call, streaming, Clone(method.RequestMarshaller, request), channel.Writer);
        else
            channel.Writer.TryComplete(call.Fail(Unimplemented(method.FullName)));

        return new AsyncServerStreamingCall<TResponse>(
            new ChannelStreamReader<TResponse>(channel.Reader, call), call.ResponseHeaders, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Client streaming is not offered by in-process contracts."));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, "Duplex streaming is not offered by in-process contracts."));

    private async Task<TResponse> RunUnaryAsync<TRequest, TResponse>(
        CallState call, IUnaryContractMethod<TRequest, TResponse> method, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var scope = scopes.CreateAsyncScope();
        Task? handler = null;
        try
        {
            call.ThrowIfDeadlinePassed();
            var context = call.CreateServerContext();
            using var callContext = CallContext.Push(CallMetadata.Read(context.RequestHeaders));
            using var activity = StartActivity(call.Method, context.RequestHeaders);

            var running = method.InvokeAsync(scope.ServiceProvider, request, context);
            handler = running;
            var response = await running.WaitAsync(call.Token).ConfigureAwait(false);
            call.ThrowIfFailedStatus(context);
            call.Complete(context);
            return Clone(method.Method.ResponseMarshaller, response);
        }
        catch (Exception exception)
        {
            throw call.Fail(ToRpcException(call, exception));
        }
        finally
        {
            await ReleaseScopeAsync(scope, handler).ConfigureAwait(false);
        }
    }

    private async Task RunServerStreamingAsync<TRequest, TResponse>(
        CallState call, IServerStreamingContractMethod<TRequest, TResponse> method, TRequest request, ChannelWriter<TResponse> output)
        where TRequest : class
        where TResponse : class
    {
        // Leave the caller's thread: the call object is returned before the handler runs.
        await Task.Yield();
        var scope = scopes.CreateAsyncScope();
        Task? handler = null;
        try
        {
            call.ThrowIfDeadlinePassed();
            var context = call.CreateServerContext();
            using var callContext = CallContext.Push(CallMetadata.Read(context.RequestHeaders));
            using var activity = StartActivity(call.Method, context.RequestHeaders);

            var writer = new ChannelStreamWriter<TResponse>(output, method.Method.ResponseMarshaller, context, call.Token);
            handler = method.InvokeAsync(scope.ServiceProvider, request, writer, context);
            await handler.WaitAsync(call.Token).ConfigureAwait(false);
            call.ThrowIfFailedStatus(context);
            call.Complete(context);
            output.TryComplete();
        }
        catch (Exception exception)
        {
            output.TryComplete(call.Fail(ToRpcException(call, exception)));
        }
        finally
        {
            await ReleaseScopeAsync(scope, handler).ConfigureAwait(false);
        }
    }

    // A handler that ignores its deadline keeps running after the caller got DeadlineExceeded, as on a real
    // server; its scope (DbContext and all) must live until it is done, and its late failure is only logged.
    private async Task ReleaseScopeAsync(AsyncServiceScope scope, Task? handler)
    {
        if (handler is null || handler.IsCompleted)
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _ = handler.ContinueWith(
            async finished =>
            {
                if (finished.Exception is { } exception)
                    logger.LogWarning(exception.GetBaseException(), "Contract handler failed after its call had ended");
                await scope.DisposeAsync().ConfigureAwait(false);
            },
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    private RpcException ToRpcException(CallState call, Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                // What would cross the wire: the status (code and detail) and the trailers, not the exception object.
                return new RpcException(new Status(rpc.StatusCode, rpc.Status.Detail), InProcessServerCallContext.Copy(rpc.Trailers));
            case OperationCanceledException or TimeoutException when call.Token.IsCancellationRequested:
                return call.CancellationStatus();
            default:
                logger.LogError(exception, "Contract method {Method} failed", call.Method);
                var detail = options.DetailedErrors
                    ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                    : "Exception was thrown by handler.";
                return new RpcException(new Status(StatusCode.Internal, detail));
        }
    }

    private static Activity? StartActivity(string method, Metadata headers)
    {
        // Over a socket ASP.NET Core continues the caller's trace from 'traceparent'; in process we do it here.
        ActivityContext.TryParse(headers.GetValue(CallMetadata.TraceParent), headers.GetValue(CallMetadata.TraceState), out var parent);
        return ContractTelemetry.Source.StartActivity(method.TrimStart('/'), ActivityKind.Server, parent);
    }

    private static RpcException Unimplemented(string method) =>
        new(new Status(StatusCode.Unimplemented, $"Method {method} is not implemented by a module in this process."));

    internal static T Clone<T>(Marshaller<T> marshaller, T message) =>
        message is IDeepCloneable<T> cloneable
            ? cloneable.Clone()
            : marshaller.Deserializer(marshaller.Serializer(message));

    /// <summary>The client-visible state of one call: deadline and cancellation, final status and trailers.</summary>
    private sealed class CallState : IDisposable
    {
        private readonly CancellationTokenSource _cancellation;
        private readonly CallOptions _options;
        private readonly DateTime _deadline;
        private readonly TaskCompletionSource<InProcessServerCallContext?> _contextCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private InProcessServerCallContext? _context;
        private Status? _status;
        private Metadata? _trailers;

        public CallState(string method, CallOptions options)
        {
            Method = method;
            _options = options;
            _deadline = options.Deadline?.ToUniversalTime() ?? DateTime.MaxValue;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken);
            if (_deadline != DateTime.MaxValue)
            {
                var remaining = _deadline - DateTime.UtcNow;
                if (remaining <= TimeSpan.Zero)
                    _cancellation.Cancel();
                else
                    _cancellation.CancelAfter(remaining);
            }
        }

        public string Method { get; }

        public CancellationToken Token => _cancellation.Token;

        public Task<Metadata> ResponseHeaders =>
            _context?.ResponseHeaders ?? (_status is null ? WaitForContextHeaders() : Task.FromResult(new Metadata()));

        public InProcessServerCallContext CreateServerContext()
        {
            var headers = _options.Headers is null ? [] : InProcessServerCallContext.Copy(_options.Headers);
            _context = new InProcessServerCallContext(Method, headers, _deadline, Token);
            _contextCreated.TrySetResult(_context);
            return _context;
        }

        private async Task<Metadata> WaitForContextHeaders()
        {
            var context = await _contextCreated.Task.ConfigureAwait(false);
            return context is null ? [] : await context.ResponseHeaders.ConfigureAwait(false);
        }

        public void ThrowIfDeadlinePassed()
        {
            if (Token.IsCancellationRequested)
                throw CancellationStatus();
        }

        public void ThrowIfFailedStatus(InProcessServerCallContext context)
        {
            // A handler may end a call by setting a status instead of throwing, as grpc-dotnet allows.
            if (context.Status.StatusCode != StatusCode.OK)
                throw new RpcException(context.Status, context.ResponseTrailers);
        }

        public RpcException CancellationStatus() =>
            _options.CancellationToken.IsCancellationRequested
                ? new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."))
                : new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));

        public void Complete(InProcessServerCallContext context)
        {
            _trailers = InProcessServerCallContext.Copy(context.ResponseTrailers);
            _status = Status.DefaultSuccess;
            context.CompleteResponseHeaders();
        }

        public RpcException Fail(RpcException exception)
        {
            _status = exception.Status;
            _trailers = exception.Trailers;
            _context?.CompleteResponseHeaders();
            _contextCreated.TrySetResult(null);
            return exception;
        }

        public Status GetStatus() =>
            _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

        public Metadata GetTrailers() =>
            _trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed successfully.");

        public void Dispose()
        {
            // Disposing a call that is still running cancels it, as with a real channel.
            if (_status is null && !_cancellation.IsCancellationRequested)
                _cancellation.Cancel();
        }
    }

    private sealed class ChannelStreamWriter<T>(
        ChannelWriter<T> output, Marshaller<T> marshaller, InProcessServerCallContext context, CancellationToken cancellation) : IServerStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get; set; }

        public async Task WriteAsync(T message)
        {
            context.CompleteResponseHeaders();
            await output.WriteAsync(Clone(marshaller, message), cancellation).ConfigureAwait(false);
        }
    }

    private sealed class ChannelStreamReader<T>(ChannelReader<T> input, CallState call) : IAsyncStreamReader<T>
    {
        public T Current { get; private set; } = default!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            try
            {
                if (await input.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && input.TryRead(out var item))
                {
                    Current = item;
                    return true;
                }

                await input.Completion.ConfigureAwait(false);
                return false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                call.Dispose();
                throw new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));
            }
        }
    }
}

/// <summary>Settings that shape how contracts behave in this process.</summary>
public sealed class ContractOptions
{
    /// <summary>Put the handler's exception type and message into Internal errors (Development only).</summary>
    public bool DetailedErrors { get; set; }

    /// <summary>Shared secret between processes that call each other's contracts over gRPC; null disables the check.</summary>
    public string? ServiceToken { get; set; }
}

public static class ContractTelemetry
{
    public const string SourceName = "Marketplace.Contracts";
    public static readonly ActivitySource Source = new(SourceName);
}
