using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Operations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace Marketplace.Modules.Ordering.Live;

/// <summary>
/// The process's live view of Ordering's own events: one NATS core subscription per event subject (order_placed.v1,
/// order_status_changed.v1, the subjects the outbox relay publishes into JetStream; core subscribers receive them too,
/// and nothing is stored or acknowledged), opened at the first watch and fanned out in process to the watches of an
/// order or a store. Every replica sees every event, so a client may subscribe through any of them. At most once: a
/// watch whose buffer is full drops its oldest event, and a client that was away reads the order again.
/// </summary>
internal sealed partial class OrderLiveFeed : IAsyncDisposable
{
    private static readonly Meter Meter = new(Observability.MeterName);

    private readonly INatsConnection _nats;
    private readonly string _prefix;
    private readonly LiveOptions _options;
    private readonly ILogger<OrderLiveFeed> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, List<Watch>> _orders = [];
    private readonly Dictionary<Guid, List<Watch>> _stores = [];
    private readonly Dictionary<Guid, int> _perUser = [];
    private readonly SemaphoreSlim _starting = new(1, 1);
    private readonly List<INatsSub<byte[]>> _subscriptions = [];
    private bool _started;
    private int _open;

    public OrderLiveFeed(INatsConnection nats, IOptions<EventBackboneOptions> events, LiveOptions options, ILogger<OrderLiveFeed> logger)
    {
        _nats = nats;
        _prefix = events.Value.SubjectPrefix;
        _options = options;
        _logger = logger;
        Meter.CreateObservableUpDownCounter("marketplace.ordering.live.streams", () => Volatile.Read(ref _open), description: "Live order and store streams open in this process.");
    }

    /// <summary>Streams open in this process (tests check that a departed client leaves none behind).</summary>
    public int OpenStreams => Volatile.Read(ref _open);

    /// <summary>Open streams watching one order or one store.</summary>
    public int WatchersOf(Guid orderOrStoreId)
    {
        lock (_lock)
            return (_orders.GetValueOrDefault(orderOrStoreId)?.Count ?? 0) + (_stores.GetValueOrDefault(orderOrStoreId)?.Count ?? 0);
    }

    /// <summary>Starts watching one order's transitions; events published after this returns reach the watch.</summary>
    public Task<Watch> WatchOrderAsync(Guid orderId, Guid? userId, CancellationToken cancellationToken) => AddAsync(_orders, orderId, userId, cancellationToken);

    /// <summary>Starts watching one store's new orders.</summary>
    public Task<Watch> WatchStoreAsync(Guid storeId, Guid? userId, CancellationToken cancellationToken) => AddAsync(_stores, storeId, userId, cancellationToken);

    private async Task<Watch> AddAsync(Dictionary<Guid, List<Watch>> index, Guid key, Guid? userId, CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken);
        var watch = new Watch(this, index, key, userId, Channel.CreateBounded<IIntegrationEvent>(
            new BoundedChannelOptions(_options.StreamBuffer) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest }));
        lock (_lock)
        {
            if (userId is { } user)
            {
                var held = _perUser.GetValueOrDefault(user);
                if (held >= _options.MaxStreamsPerUser)
                    throw ContractError.ResourceExhausted(CommonErrorCodes.RateLimited, $"At most {_options.MaxStreamsPerUser} live streams at once; close one first.");
                _perUser[user] = held + 1;
            }

            if (!index.TryGetValue(key, out var watches))
                index[key] = watches = [];
            watches.Add(watch);
            _open++;
        }

        return watch;
    }

    private void Remove(Watch watch)
    {
        lock (_lock)
        {
            if (!watch.Index.TryGetValue(watch.Key, out var watches) || !watches.Remove(watch))
                return;
            if (watches.Count == 0)
                watch.Index.Remove(watch.Key);
            if (watch.UserId is { } user && _perUser.TryGetValue(user, out var held))
            {
                if (held <= 1)
                    _perUser.Remove(user);
                else
                    _perUser[user] = held - 1;
            }

            _open--;
        }

        watch.Events.Writer.TryComplete();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _started))
            return;
        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_started)
                return;
            try
            {
                foreach (var subject in new[] { EventSubjects.Of(typeof(OrderStatusChanged)), EventSubjects.Of(typeof(OrderPlaced)) })
                {
                    var subscription = await _nats.SubscribeCoreAsync<byte[]>(EventSubjects.OnWire(subject, _prefix), cancellationToken: _stopping.Token);
                    _subscriptions.Add(subscription);
                    _ = PumpAsync(subscription);
                }

                // The server answers a ping after it processed what came before it: the subscriptions are registered.
                await _nats.PingAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await StopSubscriptionsAsync();
                LogUnavailable(_logger, exception);
                throw new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "Live updates are unavailable right now; try again shortly."));
            }

            Volatile.Write(ref _started, true);
        }
        finally
        {
            _starting.Release();
        }
    }

    private async Task PumpAsync(INatsSub<byte[]> subscription)
    {
        try
        {
            await foreach (var message in subscription.Msgs.ReadAllAsync(_stopping.Token))
            {
                try
                {
                    Dispatch(message.Headers, message.Data);
                }
                catch (Exception exception) when (exception is JsonException or InvalidOperationException or NotSupportedException)
                {
                    LogUnreadable(_logger, message.Subject, exception);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Dispatch(NatsHeaders? headers, byte[]? body)
    {
        if (EventEnvelope.FromMessage(headers, body, DateTimeOffset.UtcNow) is not { } envelope)
            return;
        if (envelope.Subject == EventSubjects.Of(typeof(OrderStatusChanged)))
        {
            if (JsonSerializer.Deserialize<OrderStatusChanged>(envelope.Payload, EventSubjects.Json) is { } changed)
                Deliver(_orders, changed.OrderId, changed);
        }
        else if (envelope.Subject == EventSubjects.Of(typeof(OrderPlaced)))
        {
            if (JsonSerializer.Deserialize<OrderPlaced>(envelope.Payload, EventSubjects.Json) is { } placed)
                Deliver(_stores, placed.StoreId, placed);
        }
    }

    private void Deliver(Dictionary<Guid, List<Watch>> index, Guid key, IIntegrationEvent integrationEvent)
    {
        Watch[] watches;
        lock (_lock)
        {
            if (!index.TryGetValue(key, out var found))
                return;
            watches = [.. found];
        }

        foreach (var watch in watches)
            watch.Events.Writer.TryWrite(integrationEvent);
    }

    private async Task StopSubscriptionsAsync()
    {
        foreach (var subscription in _subscriptions)
        {
            try
            {
                await subscription.DisposeAsync();
            }
            catch (Exception exception) when (exception is NatsException or ObjectDisposedException or OperationCanceledException)
            {
                // The connection is going away anyway.
            }
        }

        _subscriptions.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await StopSubscriptionsAsync();
        _stopping.Dispose();
        _starting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live order updates could not subscribe to NATS")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live order updates skipped an unreadable message on {Subject}")]
    private static partial void LogUnreadable(ILogger logger, string subject, Exception exception);

    /// <summary>One open stream's registration: dispose it (the stream ended) and it is gone.</summary>
    internal sealed class Watch(OrderLiveFeed feed, Dictionary<Guid, List<Watch>> index, Guid key, Guid? userId, Channel<IIntegrationEvent> events) : IDisposable
    {
        public Dictionary<Guid, List<Watch>> Index { get; } = index;

        public Guid Key { get; } = key;

        public Guid? UserId { get; } = userId;

        public Channel<IIntegrationEvent> Events { get; } = events;

        public void Dispose() => feed.Remove(this);
    }
}
