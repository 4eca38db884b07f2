using Grpc.Core;

namespace Marketplace.Shared.Contracts;

/// <summary>The server side of an in-process call, as a contract implementation sees it.</summary>
internal sealed class InProcessServerCallContext(
    string method,
    Metadata requestHeaders,
    DateTime deadline,
    CancellationToken cancellationToken) : ServerCallContext
{
    private readonly TaskCompletionSource<Metadata> _responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Metadata _responseTrailers = [];

    public const string PeerName = "in-process";

    /// <summary>Completes when the handler writes its headers, or with empty headers when the call ends.</summary>
    public Task<Metadata> ResponseHeaders => _responseHeaders.Task;

    public void CompleteResponseHeaders() => _responseHeaders.TrySetResult([]);

    protected override string MethodCore => method;

    protected override string HostCore => PeerName;

    protected override string PeerCore => PeerName;

    protected override DateTime DeadlineCore => deadline;

    protected override Metadata RequestHeadersCore => requestHeaders;

    protected override CancellationToken CancellationTokenCore => cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Context propagation tokens are a Grpc.Core feature; pass deadline and cancellation explicitly.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (!_responseHeaders.TrySetResult(Copy(responseHeaders)))
            throw new InvalidOperationException("Response headers can only be sent once per call.");
        return Task.CompletedTask;
    }

    internal static Metadata Copy(Metadata source)
    {
        var copy = new Metadata();
        foreach (var entry in source)
            copy.Add(entry);
        return copy;
    }
}
