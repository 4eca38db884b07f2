using Marketplace.Shared.Modules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Marketplace.Shared.Events;

/// <summary>
/// One pull loop per declared consumer: a durable JetStream consumer with explicit acks, AckWait and backoff.
/// A message is acknowledged only after its handler and inbox row committed; a handler failure is NAKed with
/// the backoff delay for that delivery; at MaxDeliver the message is parked as a dead letter and terminated, so
/// the stream keeps flowing. JetStream's own MaxDeliver is one more than ours: when it runs out JetStream merely stops
/// delivering (an advisory, no error anywhere), so we park first, and a process that crashed during the last
/// delivery still gets one more to park the message with its error.
/// </summary>
internal sealed class EventConsumerService(
    IEnumerable<EventConsumerRegistration> consumers,
    StreamProvisioner streams,
    EventProcessor processor,
    IOptions<EventBackboneOptions> options,
    ILogger<EventConsumerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Consumers.Enabled)
            return Task.CompletedTask;
        return Task.WhenAll(consumers.Select(c => Task.Run(() => RunAsync(c, stoppingToken), stoppingToken)));
    }

    internal static ConsumerConfig ConfigFor(EventConsumerRegistration consumer, EventBackboneOptions settings) =>
        new(consumer.Durable)
        {
            FilterSubject = EventSubjects.OnWire(consumer.Subject, settings.SubjectPrefix),
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
            AckWait = settings.Consumers.AckWait,
            MaxDeliver = settings.Consumers.MaxDeliver + 1,
            // JetStream requires MaxDeliver > number of backoff steps (and no -1 with a backoff).
            Backoff = settings.Consumers.EffectiveBackoff.Take(settings.Consumers.MaxDeliver).ToArray(),
            MaxAckPending = settings.Consumers.MaxAckPending,
            Description = $"{consumer.Module} handles {consumer.Subject}",
        };

    private async Task RunAsync(EventConsumerRegistration consumer, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await streams.EnsureAsync(consumer.PublisherModule, stoppingToken).ConfigureAwait(false);
                var stream = streams.StreamOf(consumer.PublisherModule);
                var durable = await streams.JetStream.CreateOrUpdateConsumerAsync(stream, ConfigFor(consumer, settings), stoppingToken).ConfigureAwait(false);
                if (failures > 0)
                    logger.LogInformation("Consumer {Consumer} reconnected after {Failures} failure(s)", consumer.Durable, failures);
                failures = 0;

                var consumeOptions = new NatsJSConsumeOpts { MaxMsgs = settings.Consumers.BatchSize };
                await foreach (var message in durable.ConsumeAsync<byte[]>(opts: consumeOptions, cancellationToken: stoppingToken).ConfigureAwait(false))
                    await HandleAsync(consumer, message, settings.Consumers, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                if (exception is NatsJSApiException)
                    streams.Invalidate(consumer.PublisherModule);
                var delay = TimeSpan.FromMilliseconds(Math.Min(250 * Math.Pow(2, Math.Min(failures, 10)), 15_000));
                if (failures == 1 || failures % 10 == 0)
                    logger.LogWarning("Consumer {Consumer} stopped ({Failures}x), restarting in {Delay}: {Error}", consumer.Durable, failures, delay, exception.GetBaseException().Message);
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task HandleAsync(EventConsumerRegistration consumer, INatsJSMsg<byte[]> message, ConsumerOptions settings, CancellationToken stoppingToken)
    {
        var tags = EventMetrics.Tag("consumer", consumer.Durable);
        var deliveries = (int)(message.Metadata?.NumDelivered ?? 1);
        if (message.Metadata is { } metadata)
            EventMetrics.ReportLag(consumer.Durable, (long)metadata.NumPending);
        if (deliveries > 1)
            EventMetrics.Redeliveries.Add(1, tags);

        var envelope = EventEnvelope.FromMessage(message.Headers, message.Data, processor.Now);
        if (envelope is null)
        {
            logger.LogError("Consumer {Consumer} got a message on {Subject} without an event envelope; terminating it", consumer.Durable, message.Subject);
            await message.AckTerminateAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = envelope.CorrelationId, ["EventId"] = envelope.EventId });
        ProcessOutcome outcome;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                outcome = await processor.ProcessAsync(consumer, envelope, stoppingToken).ConfigureAwait(false);
                break;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested && EventProcessor.IsTransient(exception))
            {
                // Not the message's fault: keep it (no ack, deliveries not spent), tell JetStream we are still on it.
                var delay = TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, Math.Min(attempt, 10)), settings.MaxTransientBackoff.TotalMilliseconds));
                if (attempt == 1 || attempt % 10 == 0)
                    logger.LogWarning("Consumer {Consumer} cannot handle event {EventId} while a dependency is down ({Attempt}x), retrying in {Delay}: {Error}", consumer.Durable, envelope.EventId, attempt, delay, exception.GetBaseException().Message);
                EventMetrics.HandlerFailures.Add(1, tags, EventMetrics.Tag("transient", true));
                await message.AckProgressAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                EventMetrics.HandlerFailures.Add(1, tags, EventMetrics.Tag("transient", false));
                if (deliveries >= settings.MaxDeliver)
                {
                    await processor.ParkAsync(consumer, envelope, deliveries, exception, stoppingToken).ConfigureAwait(false);
                    await message.AckTerminateAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    EventMetrics.DeadLetters.Add(1, tags);
                    logger.LogError("Consumer {Consumer} parked event {EventId} ({Subject}) as a dead letter after {Deliveries} deliveries: {Error}", consumer.Durable, envelope.EventId, envelope.Subject, deliveries, EventProcessor.Describe(exception));
                    return;
                }

                var delay = settings.BackoffFor(deliveries);
                logger.LogWarning("Consumer {Consumer} failed on event {EventId} (delivery {Deliveries} of {MaxDeliver}), redelivery in {Delay}: {Error}", consumer.Durable, envelope.EventId, deliveries, settings.MaxDeliver, delay, EventProcessor.Describe(exception));
                await message.NakAsync(new AckOpts { NakDelay = delay }, stoppingToken).ConfigureAwait(false);
                return;
            }
        }

        // Outside the handler's try: an ack lost with NATS is no handler failure. The consume loop restarts, and the
        // redelivery finds the inbox row and is acknowledged then.
        await message.AckAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        (outcome == ProcessOutcome.Handled ? EventMetrics.Handled : EventMetrics.Duplicates).Add(1, tags);
    }
}
