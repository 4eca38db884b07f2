using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.WebSockets;

/// <summary>One running operation: its DI scope (DataLoaders), cancellation and source subscription.</summary>
internal sealed class WebSocketOperation(AsyncServiceScope scope, CancellationToken connection) : IDisposable
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
