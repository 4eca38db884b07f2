using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace Marketplace.Shared.Events;

public enum ProcessOutcome
{
    Handled,
    Duplicate,
}

/// <summary>
/// Runs one event through one consumer: handler + inbox row in one transaction on the consuming module's
/// DbContext. Used by the NATS consumer loop and by the dead-letter replay command alike.
/// </summary>
public sealed class EventProcessor(IServiceProvider services)
{
    private TimeProvider Clock => services.GetService<TimeProvider>() ?? TimeProvider.System;

    /// <summary>The application clock's now (when a message arrived without its occurred-at header, say).</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task<ProcessOutcome> ProcessAsync(EventConsumerRegistration consumer, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(consumer.DbContextType);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Claim the inbox row first: a concurrent delivery of the same event (another replica, an expired AckWait)
        // waits on this row and then finds it taken, instead of running the handler in vain.
        // The schema is the module's own constant, never input; the values are parameters.
#pragma warning disable EF1003
        var claimed = await context.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"" + context.Schema + "\"." + ModuleDbContext.InboxTable + " (consumer, event_id, subject, handled_at) " +
            "VALUES ({0}, {1}, {2}, now()) ON CONFLICT DO NOTHING",
            [consumer.Durable, envelope.EventId, consumer.Subject],
            cancellationToken).ConfigureAwait(false);
#pragma warning restore EF1003
        if (claimed == 0)
            return ProcessOutcome.Duplicate;

        using var call = CallContext.Push(new CallContext(Caller.Service(consumer.Module), envelope.CorrelationId));
        using var cause = EventContext.Push(envelope.EventId, envelope.OccurredAt);
        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        using var activity = EventMetrics.Activities.StartActivity($"{consumer.Subject} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "nats");
        activity?.SetTag("messaging.destination.name", consumer.Subject);
        activity?.SetTag("messaging.consumer.group.name", consumer.Durable);
        activity?.SetTag("messaging.message.id", envelope.EventId.ToString());

        var integrationEvent = JsonSerializer.Deserialize(envelope.Payload, consumer.EventType, EventSubjects.Json)
            ?? throw new JsonException($"event {envelope.EventId} has an empty payload");
        var handler = scope.ServiceProvider.GetRequiredService(consumer.HandlerType);
        await consumer.Invoke(handler, integrationEvent, cancellationToken).ConfigureAwait(false);

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ProcessOutcome.Handled;
    }

    /// <summary>Parks a poison message (or refreshes the error of one parked before and replayed in vain).</summary>
    public async Task ParkAsync(EventConsumerRegistration consumer, EventEnvelope envelope, int deliveries, Exception error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = (ModuleDbContext)scope.ServiceProvider.GetRequiredService(consumer.DbContextType);
        var text = Describe(error);
        var existing = await context.DeadLetters.FirstOrDefaultAsync(d => d.Consumer == consumer.Durable && d.EventId == envelope.EventId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            context.DeadLetters.Add(new DeadLetter
            {
                Id = Guid.CreateVersion7(),
                Consumer = consumer.Durable,
                EventId = envelope.EventId,
                Subject = envelope.Subject,
                Payload = envelope.Payload,
                OccurredAt = envelope.OccurredAt,
                CorrelationId = envelope.CorrelationId,
                CausationId = envelope.CausationId,
                TraceParent = envelope.TraceParent,
                Deliveries = deliveries,
                Error = text,
                FailedAt = Clock.GetUtcNow(),
            });
        }
        else
        {
            existing.Error = text;
            existing.FailedAt = Clock.GetUtcNow();
            existing.ReplayedAt = null;
        }

        await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Type and message only: a stack trace may carry values, and the dead-letter table is no secret store.</summary>
    internal static string Describe(Exception error)
    {
        var text = $"{error.GetType().FullName}: {error.Message}";
        return text.Length > 4000 ? text[..4000] : text;
    }

    /// <summary>
    /// Infrastructure that is down (Redis, PostgreSQL, the network) is no fault of the message: such failures are
    /// retried in place without spending the message's deliveries, so an outage never parks good messages.
    /// </summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RedisConnectionException or RedisTimeoutException:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient);
    }
}
