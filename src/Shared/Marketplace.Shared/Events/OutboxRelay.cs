using System.Diagnostics;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.JetStream;
using Npgsql;

namespace Marketplace.Shared.Events;

/// <summary>
/// Publishes each module's outbox to JetStream. Per batch: claim unsent rows with <c>FOR UPDATE SKIP LOCKED</c>
/// (replicas take disjoint rows), publish them with a window of acks in flight, mark the acknowledged ones sent,
/// commit. A crash between publish and commit re-publishes the rows later; JetStream drops them as duplicates
/// (same <c>Nats-Msg-Id</c>) and the consumers' inbox would drop them anyway. While NATS is unreachable the
/// rows wait and the relay retries with exponential backoff.
/// </summary>
internal sealed class OutboxRelay(
    ModuleRegistry modules,
    IEnumerable<ModuleDataSource> dataSources,
    StreamProvisioner streams,
    IOptions<EventBackboneOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Relay.Enabled)
            return Task.CompletedTask;
        // Several loops per module overlap one batch's PostgreSQL round trips with another's publishing; SKIP LOCKED
        // keeps their batches disjoint exactly as it does for replicas.
        var loops = modules.Modules
            .Where(m => m.DbContextType is not null)
            .Select(m => (Module: m, Source: dataSources.First(s => s.Module == m.Name).DataSource))
            .SelectMany(m => Enumerable.Range(0, Math.Max(1, options.Value.Relay.Concurrency))
                .Select(loop => Task.Run(() => RunAsync(m.Module, m.Source, housekeeping: loop == 0, stoppingToken), stoppingToken)));
        return Task.WhenAll(loops);
    }

    private async Task RunAsync(LoadedModule module, NpgsqlDataSource source, bool housekeeping, CancellationToken stoppingToken)
    {
        var settings = options.Value.Relay;
        using var wake = new SemaphoreSlim(0, 1);
        using var subscription = OutboxSignal.Subscribe(() =>
        {
            // Runs on the writer's SaveChanges: it must never throw there (already awake, or this loop just stopped).
            try
            {
                if (wake.CurrentCount == 0)
                    wake.Release();
            }
            catch (Exception exception) when (exception is SemaphoreFullException or ObjectDisposedException)
            {
            }
        });

        var failures = 0;
        var lastMetrics = DateTimeOffset.MinValue;
        var lastCleanup = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (housekeeping && clock.GetUtcNow() - lastMetrics > MetricsInterval)
                {
                    await ReportBacklogAsync(module, source, stoppingToken).ConfigureAwait(false);
                    lastMetrics = clock.GetUtcNow();
                }

                if (housekeeping && clock.GetUtcNow() - lastCleanup > CleanupInterval)
                {
                    await CleanUpAsync(module, source, stoppingToken).ConfigureAwait(false);
                    lastCleanup = clock.GetUtcNow();
                }

                var relayed = await RelayBatchAsync(module, source, stoppingToken).ConfigureAwait(false);
                if (failures > 0)
                    logger.LogInformation("Outbox relay of {Module} recovered after {Failures} failed attempt(s)", module.Name, failures);
                failures = 0;
                if (relayed < settings.BatchSize)
                    await wake.WaitAsync(settings.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                failures++;
                EventMetrics.PublishFailures.Add(1, EventMetrics.Tag("module", module.Name));
                var delay = Backoff(settings, failures);
                // First failure and then every tenth at warning level: an outage must not flood the log.
                if (failures == 1 || failures % 10 == 0)
                    logger.LogWarning("Outbox relay of {Module} failed ({Failures}x), retrying in {Delay}: {Error}", module.Name, failures, delay, exception.GetBaseException().Message);
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

    internal static TimeSpan Backoff(RelayOptions settings, int failures)
    {
        var exponential = settings.MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20));
        var capped = Math.Min(exponential, settings.MaxBackoff.TotalMilliseconds);
        // Jitter keeps replicas from retrying in lockstep against a recovering NATS.
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    /// <summary>Relays one batch; returns how many rows were claimed. Throws when nothing could be published.</summary>
    internal async Task<int> RelayBatchAsync(LoadedModule module, NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Losing a "sent" mark in a PostgreSQL crash only re-publishes (de-duplicated), so the relay need not wait
        // for its commit to reach the disk.
        await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection, transaction))
            await relaxed.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        var batch = new List<OutboxMessage>(settings.Relay.BatchSize);
        await using (var select = new NpgsqlCommand(
            $"""
             SELECT id, subject, payload::text, occurred_at, correlation_id, causation_id, trace_parent
             FROM "{module.Schema}".{ModuleDbContext.OutboxTable}
             WHERE sent_at IS NULL
             ORDER BY id
             LIMIT @limit
             FOR UPDATE SKIP LOCKED
             """, connection, transaction))
        {
            select.Parameters.AddWithValue("limit", settings.Relay.BatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                batch.Add(new OutboxMessage
                {
                    Id = reader.GetGuid(0),
                    Subject = reader.GetString(1),
                    Payload = reader.GetString(2),
                    OccurredAt = reader.GetFieldValue<DateTimeOffset>(3),
                    CorrelationId = reader.GetString(4),
                    CausationId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                    TraceParent = reader.IsDBNull(6) ? null : reader.GetString(6),
                });
            }
        }

        if (batch.Count == 0)
            return 0;

        var (sent, error) = await PublishAsync(batch, settings, cancellationToken).ConfigureAwait(false);
        if (settings.Relay.AfterPublish is { } afterPublish)
            await afterPublish(sent, cancellationToken).ConfigureAwait(false);

        if (sent.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                $"""UPDATE "{module.Schema}".{ModuleDbContext.OutboxTable} SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY(@ids)""",
                connection, transaction);
            mark.Parameters.AddWithValue("ids", sent.ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (error is not null)
        {
            var failed = batch.Select(m => m.Id).Except(sent).ToArray();
            await using var note = new NpgsqlCommand(
                $"""UPDATE "{module.Schema}".{ModuleDbContext.OutboxTable} SET attempts = attempts + 1, last_error = left(@error, 2000) WHERE id = ANY(@ids)""",
                connection, transaction);
            note.Parameters.AddWithValue("ids", failed);
            note.Parameters.AddWithValue("error", error.GetBaseException().Message);
            await note.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        EventMetrics.Published.Add(sent.Count, EventMetrics.Tag("module", module.Name));
        if (error is not null && sent.Count == 0)
            throw new OutboxRelayException($"publishing {batch.Count} event(s) of {module.Name} failed", error);
        return batch.Count;
    }

    /// <summary>
    /// Publishes in windows: up to <see cref="RelayOptions.PublishWindow"/> messages are written without waiting
    /// (<c>PublishConcurrentAsync</c>), then their acks are collected in order. A window of 1 is the classic
    /// one-awaited-ack-per-message relay (the benchmark's baseline).
    /// </summary>
    private async Task<(List<Guid> Sent, Exception? Error)> PublishAsync(List<OutboxMessage> batch, EventBackboneOptions settings, CancellationToken cancellationToken)
    {
        var sent = new List<Guid>(batch.Count);
        var window = Math.Max(1, settings.Relay.PublishWindow);
        foreach (var module in batch.Select(m => EventSubjects.ModuleOf(m.Subject)).Distinct(StringComparer.Ordinal))
            await streams.EnsureAsync(module, cancellationToken).ConfigureAwait(false);

        var futures = new NatsJSPublishConcurrentFuture[Math.Min(window, batch.Count)];
        for (var start = 0; start < batch.Count; start += window)
        {
            var slice = batch.GetRange(start, Math.Min(window, batch.Count - start));
            Exception? error = null;
            var written = 0;
            try
            {
                // Write the whole window first (acks are not awaited), then collect the acks in order.
                for (; written < slice.Count; written++)
                    futures[written] = await PublishConcurrentAsync(slice[written], settings.SubjectPrefix, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                error = exception;
            }

            for (var i = 0; i < written; i++)
            {
                try
                {
                    var ack = await futures[i].GetResponseAsync(cancellationToken).ConfigureAwait(false);
                    // A duplicate is success: JetStream already holds this event (an earlier attempt landed but was not marked).
                    if (!ack.Duplicate)
                        ack.EnsureSuccess();
                    sent.Add(slice[i].Id);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Keep what was acknowledged; the rest stays unsent and is retried (de-duplicated if it did land).
                    error ??= exception;
                }
                finally
                {
                    await futures[i].DisposeAsync().ConfigureAwait(false);
                }
            }

            if (error is not null)
            {
                if (error is NatsJSPublishNoResponseException or NatsJSApiException)
                {
                    foreach (var module in slice.Select(m => EventSubjects.ModuleOf(m.Subject)).Distinct(StringComparer.Ordinal))
                        streams.Invalidate(module);
                }

                return (sent, error);
            }
        }

        return (sent, null);
    }

    private ValueTask<NatsJSPublishConcurrentFuture> PublishConcurrentAsync(OutboxMessage message, string prefix, CancellationToken cancellationToken) =>
        streams.JetStream.PublishConcurrentAsync(
            EventSubjects.OnWire(message.Subject, prefix),
            System.Text.Encoding.UTF8.GetBytes(message.Payload),
            headers: EventEnvelope.From(message).ToHeaders(),
            opts: new NatsJSPubOpts { MsgId = message.Id.ToString() },
            cancellationToken: cancellationToken);

    private async Task ReportBacklogAsync(LoadedModule module, NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var (backlog, oldest) = await OutboxBacklog.ReadAsync(source, module.Schema, cancellationToken).ConfigureAwait(false);
        EventMetrics.ReportOutbox(module.Name, backlog, oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero);
    }

    internal async Task CleanUpAsync(LoadedModule module, NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(
            $"""
             DELETE FROM "{module.Schema}".{ModuleDbContext.OutboxTable} WHERE sent_at < now() - @sent;
             DELETE FROM "{module.Schema}".{ModuleDbContext.InboxTable} WHERE handled_at < now() - @inbox;
             """);
        command.Parameters.AddWithValue("sent", options.Value.Relay.SentRetention);
        command.Parameters.AddWithValue("inbox", options.Value.Consumers.InboxRetention);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

internal static class OutboxBacklog
{
    public static async Task<(long Backlog, DateTimeOffset? Oldest)> ReadAsync(NpgsqlDataSource source, string schema, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(
            $"""SELECT count(*), min(occurred_at) FROM "{schema}".{ModuleDbContext.OutboxTable} WHERE sent_at IS NULL""");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }
}

public sealed class OutboxRelayException(string message, Exception inner) : Exception(message, inner);
