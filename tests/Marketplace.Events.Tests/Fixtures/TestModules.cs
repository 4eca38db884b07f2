using System.Collections.Concurrent;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Events.Tests.Fixtures;

// A small marketplace of test modules built only from the Shared building blocks: Shop publishes OrderPlaced,
// Mailer and Ledger consume it (Mailer may enqueue a job). Each test gets its own database and subject prefix.

[IntegrationEvent("marketplace.shop.order_placed.v1")]
public sealed record OrderPlaced(Guid OrderId, int Number) : IIntegrationEvent;

[IntegrationEvent("marketplace.mailer.receipt_sent.v1")]
public sealed record ReceiptSent(Guid OrderId) : IIntegrationEvent;

public sealed class Order
{
    public Guid Id { get; init; }

    public int Number { get; init; }
}

public sealed class Receipt
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public int Number { get; init; }

    public required string CorrelationId { get; init; }

    public required string CallerId { get; init; }

    public string? TraceId { get; init; }
}

public sealed class SentReceipt
{
    public Guid Id { get; init; }

    public int Number { get; init; }
}

public sealed class LedgerEntry
{
    public Guid Id { get; init; }

    public Guid EventId { get; init; }

    public int Number { get; init; }
}

public sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : ModuleDbContext(options, "shop")
{
    public DbSet<Order> Orders => Set<Order>();
}

public sealed class MailerDbContext(DbContextOptions<MailerDbContext> options) : ModuleDbContext(options, "mailer")
{
    public DbSet<Receipt> Receipts => Set<Receipt>();

    public DbSet<SentReceipt> SentReceipts => Set<SentReceipt>();
}

public sealed class LedgerDbContext(DbContextOptions<LedgerDbContext> options) : ModuleDbContext(options, "ledger")
{
    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();
}

public sealed class ShopModule : IModule
{
    public string Name => "Shop";

    public string Schema => "shop";

    public void Register(ModuleBuilder module) => module.AddDbContext<ShopDbContext>();
}

public sealed class MailerModule : IModule
{
    public string Name => "Mailer";

    public string Schema => "mailer";

    public void Register(ModuleBuilder module) =>
        module.AddDbContext<MailerDbContext>()
            .AddEventConsumer<SendReceiptOnOrderPlaced, OrderPlaced>()
            .AddJob<DeliverReceiptJob>();
}

public sealed class LedgerModule : IModule
{
    public string Name => "Ledger";

    public string Schema => "ledger";

    public void Register(ModuleBuilder module) =>
        module.AddDbContext<LedgerDbContext>()
            .AddEventConsumer<BookOrderPlaced, OrderPlaced>();
}

/// <summary>What a test wants the handlers to do: fail for some orders, enqueue jobs; and what they saw.</summary>
public sealed class FaultPlan
{
    public ConcurrentDictionary<int, int> FailuresLeft { get; } = new();

    public ConcurrentDictionary<int, bool> AlwaysFail { get; } = new();

    public ConcurrentDictionary<int, int> Attempts { get; } = new();

    public bool EnqueueJobs { get; set; }

    public bool FollowUps { get; set; }
}

internal sealed class SendReceiptOnOrderPlaced(MailerDbContext db, FaultPlan plan, IServiceProvider services) : IEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced integrationEvent, CancellationToken cancellationToken)
    {
        plan.Attempts.AddOrUpdate(integrationEvent.Number, 1, (_, n) => n + 1);
        if (plan.AlwaysFail.ContainsKey(integrationEvent.Number))
            throw new InvalidOperationException($"poison order {integrationEvent.Number}");
        if (plan.FailuresLeft.TryGetValue(integrationEvent.Number, out var left) && left > 0)
        {
            plan.FailuresLeft[integrationEvent.Number] = left - 1;
            throw new InvalidOperationException($"order {integrationEvent.Number} fails {left} more time(s)");
        }

        var context = CallContext.Current;
        db.Receipts.Add(new Receipt
        {
            Id = Guid.CreateVersion7(),
            EventId = EventContext.CurrentEventId!.Value,
            Number = integrationEvent.Number,
            CorrelationId = context.CorrelationId,
            CallerId = $"{context.Caller.Kind}:{context.Caller.Id}",
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToString(),
        });
        if (plan.FollowUps)
            db.AddEvent(new ReceiptSent(integrationEvent.OrderId));
        if (plan.EnqueueJobs)
            services.GetRequiredService<IJobScheduler>().Enqueue<DeliverReceiptJob>(job => job.RunAsync(integrationEvent.Number));
        return Task.CompletedTask;
    }
}

internal sealed class BookOrderPlaced(LedgerDbContext db) : IEventHandler<OrderPlaced>
{
    public Task HandleAsync(OrderPlaced integrationEvent, CancellationToken cancellationToken)
    {
        db.Entries.Add(new LedgerEntry { Id = Guid.CreateVersion7(), EventId = EventContext.CurrentEventId!.Value, Number = integrationEvent.Number });
        return Task.CompletedTask;
    }
}

public sealed class DeliverReceiptJob(MailerDbContext db)
{
    public async Task RunAsync(int number)
    {
        db.SentReceipts.Add(new SentReceipt { Id = Guid.CreateVersion7(), Number = number });
        await db.SaveChangesAsync();
    }
}
