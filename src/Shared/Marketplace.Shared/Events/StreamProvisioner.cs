using System.Collections.Concurrent;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Marketplace.Shared.Events;

/// <summary>
/// Creates or updates one stream per publishing module (idempotent: the same settings twice are a no-op), at
/// start-up and again on demand when the relay or a consumer finds it missing (e.g. NATS lost its store).
/// </summary>
public sealed class StreamProvisioner(INatsConnection nats, IOptions<EventBackboneOptions> options, ILogger<StreamProvisioner> logger)
{
    private readonly ConcurrentDictionary<string, bool> _ensured = new(StringComparer.Ordinal);
    private readonly NatsJSContext _js = new((NatsConnection)nats);

    public NatsJSContext JetStream => _js;

    public string StreamOf(string module) => EventSubjects.StreamOf(module, options.Value.SubjectPrefix);

    public async Task EnsureAsync(string module, CancellationToken cancellationToken)
    {
        var name = StreamOf(module);
        if (_ensured.ContainsKey(name))
            return;

        var settings = options.Value.Streams;
        var config = new StreamConfig(name, [EventSubjects.StreamSubjects(module, options.Value.SubjectPrefix)])
        {
            Storage = StreamConfigStorage.File,
            Retention = StreamConfigRetention.Limits,
            Discard = StreamConfigDiscard.Old,
            DuplicateWindow = settings.DuplicateWindow,
            MaxAge = settings.MaxAge,
            MaxBytes = settings.MaxBytes,
            NumReplicas = settings.Replicas,
        };
        await _js.CreateOrUpdateStreamAsync(config, cancellationToken).ConfigureAwait(false);
        _ensured[name] = true;
        logger.LogInformation("Stream {Stream} ready for {Subjects}", name, config.Subjects?.FirstOrDefault());
    }

    /// <summary>Forget that a stream exists, so the next use checks again.</summary>
    public void Invalidate(string module) => _ensured.TryRemove(StreamOf(module), out _);
}

/// <summary>Provisions the streams of every module loaded here at start-up; failures are retried later on use.</summary>
internal sealed class StreamProvisioningService(StreamProvisioner provisioner, ModuleRegistry modules, IEnumerable<EventConsumerRegistration> consumers, ILogger<StreamProvisioningService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var streamModules = modules.Modules.Where(m => m.DbContextType is not null).Select(m => m.Name.ToLowerInvariant())
            .Concat(consumers.Select(c => c.PublisherModule))
            .Distinct(StringComparer.Ordinal);
        foreach (var module in streamModules)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                await provisioner.EnsureAsync(module, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NatsException or OperationCanceledException or TimeoutException)
            {
                // NATS down at start-up must not stop the host: the outbox holds events until it is back.
                logger.LogWarning("Could not provision the stream of {Module} yet ({Error}); it is retried on first use", module, exception.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
