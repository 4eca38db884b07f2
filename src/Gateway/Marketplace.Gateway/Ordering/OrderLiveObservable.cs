using Grpc.Core;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// An <c>OrderingLive</c> stream as the observable a GraphQL subscription needs. <see cref="OpenAsync"/> waits for the
/// module's first answer, so a refusal (an order or store the caller may not watch) is the subscription's error at
/// subscribe time, never a stream that silently ends; disposing the subscription cancels the call, which ends the
/// module's watch (no stream outlives its client).
/// </summary>
internal sealed class OrderLiveObservable : IObservable<object?>
{
    private readonly AsyncServerStreamingCall<OrderLiveEvent> _call;
    private readonly Func<OrderLiveEvent, object?> _select;

    private OrderLiveObservable(AsyncServerStreamingCall<OrderLiveEvent> call, Func<OrderLiveEvent, object?> select)
    {
        _call = call;
        _select = select;
    }

    public static async Task<IObservable<object?>> OpenAsync(AsyncServerStreamingCall<OrderLiveEvent> call, Func<OrderLiveEvent, object?> select, CancellationToken cancellationToken)
    {
        try
        {
            if (!await call.ResponseStream.MoveNext(cancellationToken) || call.ResponseStream.Current.EventCase != OrderLiveEvent.EventOneofCase.Subscribed)
                throw new RpcException(new Status(StatusCode.Internal, "The live stream did not open."));
        }
        catch
        {
            call.Dispose();
            throw;
        }

        return new OrderLiveObservable(call, select);
    }

    public IDisposable Subscribe(IObserver<object?> observer)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                while (await _call.ResponseStream.MoveNext(stop.Token))
                {
                    if (_select(_call.ResponseStream.Current) is { } item)
                        observer.OnNext(item);
                }

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
        return new Stop(stop, _call);
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
