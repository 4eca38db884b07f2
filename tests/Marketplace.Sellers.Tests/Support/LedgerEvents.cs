using System.Globalization;
using System.Text;
using System.Text.Json;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Npgsql;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>An order as Ordering would report it (issue 17's lifecycle is another branch: these tests publish its events).</summary>
public sealed record SimOrder(Guid OrderId, Guid StoreId, Guid SellerId, string Currency, long TotalMinor, string PaymentMethod, string Fulfilment)
{
    public static SimOrder New(Guid storeId, Guid sellerId, string currency, long totalMinor, string paymentMethod = "CARD") =>
        new(Guid.CreateVersion7(), storeId, sellerId, currency, totalMinor, paymentMethod, paymentMethod == "PAY_AT_PICKUP" ? "PICKUP" : "DELIVERY");

    public decimal Total => Money(TotalMinor, Currency);

    public static int Decimals(string currency) => currency switch { "JPY" or "KRW" or "ISK" => 0, "KWD" or "BHD" or "JOD" or "OMR" or "TND" => 3, _ => 2 };

    public static decimal Money(long minor, string currency)
    {
        var value = (decimal)minor;
        for (var i = 0; i < Decimals(currency); i++)
            value /= 10;
        return decimal.Round(value, Decimals(currency));
    }

    public static string Text(long minor, string currency) => Money(minor, currency).ToString("F" + Decimals(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>One transition, as the producer writes it (sequence = history rows after it; PLACED is 1).</summary>
    public OrderStatusChanged Change(string from, string to, int sequence, string actor = "SELLER", DateTimeOffset? at = null) => new(
        OrderId, Guid.Empty, $"M-{OrderId.ToString("N")[..8]}", Guid.CreateVersion7(), StoreId, SellerId, "Test Store", from, to, sequence, PaymentMethod,
        to == "CANCELLED" && from != "PLACED" ? "REFUNDED" : "PAID", Fulfilment, Currency, Text(TotalMinor, Currency), actor, null, "", at ?? DateTimeOffset.UtcNow);

    /// <summary>The happy path to COMPLETED for its fulfilment (without PLACED, which is not an event of this kind).</summary>
    public IReadOnlyList<OrderStatusChanged> Completed(DateTimeOffset? at = null)
    {
        var steps = Fulfilment == "PICKUP"
            ? new[] { "PLACED", "ACCEPTED", "READY_FOR_PICKUP", "PICKED_UP", "COMPLETED" }
            : ["PLACED", "ACCEPTED", "OUT_FOR_DELIVERY", "DELIVERED", "COMPLETED"];
        return steps.Skip(1).Select((to, i) => Change(steps[i], to, i + 2, to == "COMPLETED" ? "SYSTEM" : "SELLER", at)).ToList();
    }
}

/// <summary>Publishes <c>order_status_changed.v1</c> through JetStream under the real subject, as Ordering's relay does.</summary>
public static class LedgerEvents
{
    public const string Subject = "marketplace.ordering.order_status_changed.v1";
    public const string Durable = "sellers__ordering_order_status_changed_v1";

    public static async Task<Guid> PublishAsync(this SellersApp app, OrderStatusChanged change, Guid? eventId = null)
    {
        var id = eventId ?? Guid.CreateVersion7();
        var payload = JsonSerializer.Serialize(change, EventSubjects.Json);
        var envelope = new EventEnvelope(id, Subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null, payload);
        var js = new NatsJSContext((NatsConnection)app.Services.GetRequiredService<INatsConnection>());
        await js.PublishAsync(EventSubjects.OnWire(Subject, app.SubjectPrefix), Encoding.UTF8.GetBytes(payload), headers: envelope.ToHeaders(), opts: new NatsJSPubOpts { MsgId = id.ToString() });
        return id;
    }

    /// <summary>Publishes each change and waits until the module's consumer has handled every one (its inbox rows).</summary>
    public static async Task<List<Guid>> PublishAllAsync(this SellersApp app, IEnumerable<OrderStatusChanged> changes)
    {
        var ids = new List<Guid>();
        foreach (var change in changes)
            ids.Add(await app.PublishAsync(change));
        await HandledAsync(ids);
        return ids;
    }

    public static Task HandledAsync(IReadOnlyList<Guid> ids) =>
        Eventually.AssertAsync(async () => await InboxCountAsync(ids) == ids.Count, TimeSpan.FromSeconds(120), $"the ledger consumer handled {ids.Count} events");

    /// <summary>Runs one event straight through the consumer (handler + inbox, no NATS), as a redelivery of the same id does.</summary>
    public static async Task<ProcessOutcome> DeliverAgainAsync(this SellersApp app, OrderStatusChanged change, Guid eventId)
    {
        var consumer = app.Services.GetServices<EventConsumerRegistration>().Single(c => c.Durable == Durable);
        var envelope = new EventEnvelope(eventId, Subject, DateTimeOffset.UtcNow, CallContext.NewCorrelationId(), null, null, JsonSerializer.Serialize(change, EventSubjects.Json));
        return await app.Services.GetRequiredService<EventProcessor>().ProcessAsync(consumer, envelope, CancellationToken.None);
    }

    private static async Task<long> InboxCountAsync(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM sellers.inbox_messages WHERE consumer = $1 AND event_id = ANY($2)", connection)
        {
            Parameters = { new() { Value = Durable }, new() { Value = ids.ToArray() } },
        };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
