using Grpc.Core;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// A server-streaming contract call as the observable a GraphQL subscription needs; disposing it cancels the call. A
/// failure of the call (e.g. the module refusing the caller) ends the subscription with that error, which the gateway
/// maps like any contract error.
/// </summary>
internal sealed class ContractStreamObservable<T>(AsyncServerStreamingCall<T> call) : IObservable<object?>
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await call.ResponseStream.MoveNext(stop.Token))
                    observer.OnNext(call.ResponseStream.Current);
                observer.OnCompleted();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The subscriber left.
            }
            catch (Exception exception)
            {
                observer.OnError(exception);
            }
        });
        return new Stop(stop, call);
    }

    private sealed class Stop(CancellationTokenSource stop, IDisposable call) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            call.Dispose();
            stop.Dispose();
        }
    }
}
