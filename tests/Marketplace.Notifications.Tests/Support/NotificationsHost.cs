using System.Text.Json;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Testing;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;

namespace Marketplace.Notifications.Tests.Support;

/// <summary>
/// One host for the assembly, on the real PostgreSQL (a database of its own), Redis (its own job prefix), NATS (its
/// own subject prefix, so its own streams) and maildev. Tests use unique users and addresses, so they run in parallel.
/// </summary>
public sealed class NotificationsHost : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public MarketplaceFactory Factory { get; private set; } = null!;

    public string Database { get; private set; } = null!;

    public string SubjectPrefix => $"nt{_run}";

    public Maildev Mail { get; } = new(Maildev.ApiUrl);

    public FcmStandIn Fcm { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestServices.CreateDatabaseAsync("notifications");
        Fcm = await FcmStandIn.StartAsync();
        Factory = Configure(new MarketplaceFactory(), Database, SubjectPrefix, $"test:nt{_run}:")
            .With("Modules:Notifications:Push:ServiceAccountFile", Fcm.ServiceAccountFile)
            .With("Modules:Notifications:Push:BaseUrl", Fcm.BaseUrl);
        _ = Factory.Services; // starts the host: migrations, consumers, job server
        await Eventually.AssertAsync(async () => await CountAsync("SELECT count(*) FROM notifications.__ef_migrations_history") > 0, TimeSpan.FromSeconds(60), "migrations applied");
        // Streams are provisioned in the background at start-up; the tests publish into the Users stream.
        var js = new NatsJSContext((NatsConnection)Factory.Services.GetRequiredService<INatsConnection>());
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                await js.GetStreamAsync(EventSubjects.StreamOf("Users", SubjectPrefix));
                return "ok";
            }
            catch (NatsJSException exception)
            {
                return exception.Message;
            }
        }, v => v == "ok", TimeSpan.FromSeconds(60), "the Users stream exists");
    }

    public static MarketplaceFactory Configure(MarketplaceFactory factory, string database, string subjectPrefix, string jobPrefix) => factory
        .With("ConnectionStrings:Marketplace", database)
        .With("Events:SubjectPrefix", subjectPrefix)
        .With("Events:Consumers:Backoff:0", "00:00:01")
        // JetStream reserves MaxBytes per stream up front: keep test streams small so they never exhaust the server.
        .With("Events:Streams:MaxBytes", "16777216")
        .With("Jobs:Prefix", jobPrefix)
        .With("Jobs:FirstRetryDelay", "00:00:01")
        .With("Jobs:MaxRetryDelay", "00:00:02")
        .With("Jobs:PollInterval", "00:00:01")
        .With("Modules:Notifications:Email:Host", Maildev.SmtpHost)
        .With("Modules:Notifications:Email:Port", Maildev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Modules:Notifications:Email:Security", "None")
        .With("Modules:Notifications:Email:From", "Marketplace <no-reply@marketplace.test>")
        .With("Modules:Notifications:Email:ReplyTo", "support@marketplace.test")
        .With("Gateway:Auth:KeyRefreshMinInterval", "00:00:00")
        .With("Gateway:ExposeExceptionDetails", "true")
        .With("Gateway:RateLimitPerIp", "0")
        .With("Gateway:RateLimitPerUser", "0");

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Fcm.DisposeAsync();
        await DeleteStreamsAsync(SubjectPrefix);

        await TestServices.DropDatabaseAsync(Database);
    }

    /// <summary>Deletes the JetStream streams of one subject prefix (JetStream reserves their size until then).</summary>
    public static async Task DeleteStreamsAsync(string subjectPrefix)
    {
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = TestServices.Nats });
        var js = new NatsJSContext(nats);
        var mine = new List<string>();
        await foreach (var name in js.ListStreamNamesAsync())
        {
            if (name.StartsWith(EventSubjects.StreamOf("", subjectPrefix).TrimEnd('_'), StringComparison.Ordinal))
                mine.Add(name);
        }

        foreach (var name in mine)
            await js.DeleteStreamAsync(name);
    }

    /// <summary>The <c>NotificationsDelivery</c> contract, as another module (a service caller) or an administrator calls it.</summary>
    public NotificationsDelivery.NotificationsDeliveryClient Delivery =>
        new(Factory.Services.GetRequiredService<ContractChannels>().InvokerFor("Notifications"));

    /// <summary>The <c>NotificationsInbox</c> contract (the caller's own feed).</summary>
    public NotificationsInbox.NotificationsInboxClient Inbox =>
        new(Factory.Services.GetRequiredService<ContractChannels>().InvokerFor("Notifications"));

    /// <summary>The <c>NotificationsSettings</c> contract (the caller's own preferences and devices).</summary>
    public NotificationsSettings.NotificationsSettingsClient Settings =>
        new(Factory.Services.GetRequiredService<ContractChannels>().InvokerFor("Notifications"));

    /// <summary>Runs <paramref name="call"/> as <paramref name="caller"/> (the metadata the invoker forwards).</summary>
    public static async Task<T> AsAsync<T>(Caller caller, Func<Task<T>> call)
    {
        using (CallContext.Push(new CallContext(caller, CallContext.NewCorrelationId())))
            return await call();
    }

    /// <summary>Publishes an event to JetStream exactly as the outbox relay does (same envelope, same message id).</summary>
    public async Task PublishAsync<TEvent>(TEvent integrationEvent, Guid eventId)
        where TEvent : class, Marketplace.Shared.Contracts.IIntegrationEvent
    {
        var subject = EventSubjects.Of(typeof(TEvent));
        var envelope = new EventEnvelope(eventId, subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null,
            JsonSerializer.Serialize(integrationEvent, EventSubjects.Json));
        var nats = Factory.Services.GetRequiredService<INatsConnection>();
        var js = new NatsJSContext((NatsConnection)nats);
        await js.PublishAsync(EventSubjects.OnWire(subject, SubjectPrefix), System.Text.Encoding.UTF8.GetBytes(envelope.Payload),
            headers: envelope.ToHeaders(), opts: new NatsJSPubOpts { MsgId = eventId.ToString() });
    }

    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    /// <summary>A signed one-click unsubscribe link, as the module puts one in a non-essential email.</summary>
    internal async Task<string> UnsubscribeLinkAsync(Guid userId, Marketplace.Modules.Notifications.Domain.Channel channel, Marketplace.Modules.Notifications.Domain.Category category)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Notifications.Sending.UnsubscribeLinks>().CreateAsync(
            scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Notifications.Persistence.NotificationsDbContext>(), userId, channel, category);
    }

    /// <summary>Runs the delivery job for <paramref name="deliveryId"/> once more, as a Hangfire retry would.</summary>
    public async Task RunDeliveryJobAsync(Guid deliveryId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        using (CallContext.Push(new CallContext(Caller.Service("Notifications"), CallContext.NewCorrelationId())))
            await scope.ServiceProvider.GetRequiredService<Marketplace.Modules.Notifications.Sending.DeliveryJob>().RunAsync(deliveryId);
    }

    /// <summary>The deliveries of the notifications to one user or address, as the delivery log holds them.</summary>
    public Task<List<Dictionary<string, object?>>> DeliveriesToAsync(string emailOrUserId) => QueryAsync(
        "SELECT d.id, d.channel, d.state, d.attempts, d.last_error, n.id AS notification_id, n.data_json FROM notifications.deliveries d " +
        "JOIN notifications.notifications n ON n.id = d.notification_id WHERE n.recipient_email = @r OR n.user_id::text = @r",
        ("r", emailOrUserId));

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> (bounded by <see cref="Patience"/>).</summary>
    public static Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string because)
        where T : class =>
        Eventually.ReturnsAsync<T>(async () => await probe(), v => v is not null && done(v), Patience, because);

    public static string UniqueEmail(string what) => $"{what}-{Guid.NewGuid():N}@example.test";
}

[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<NotificationsHost>
{
    public const string Name = "notifications";
}
