using System.Diagnostics;
using System.Text.Json;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Shared.Persistence;

/// <summary>
/// Base of every module's DbContext: one default schema per module, snake_case names (set on the options),
/// UUIDv7 keys (Npgsql generates them client-side for <see cref="Guid"/> keys) and <c>timestamptz</c> for
/// <see cref="DateTimeOffset"/>/<see cref="DateTime"/> values in UTC. Every module also gets the event backbone's
/// tables in its own schema: <c>outbox_messages</c>, <c>inbox_messages</c> and <c>dead_letters</c>.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, string schema) : DbContext(options)
{
    /// <summary>Name of the EF migrations history table, which lives inside the module's schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";
    public const string DeadLetterTable = "dead_letters";

    public string Schema { get; } = schema;

    /// <summary>The application's clock (its <see cref="TimeProvider"/> when the context comes from DI), for the outbox.</summary>
    private TimeProvider Clock =>
        this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<DeadLetter> DeadLetters => Set<DeadLetter>();

    /// <summary>
    /// Records an integration event in the outbox. It is written by the same <c>SaveChanges</c> as the state
    /// change (the command's transaction, or the consumer's), so both commit or neither does.
    /// Correlation comes from the ambient <see cref="CallContext"/>, causation from the event being handled.
    /// </summary>
    public OutboxMessage AddEvent<TEvent>(TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Subject = EventSubjects.Of(integrationEvent.GetType()),
            Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), EventSubjects.Json),
            OccurredAt = Clock.GetUtcNow(),
            CorrelationId = CallContext.Current.CorrelationId,
            CausationId = EventContext.CurrentEventId,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
        };
        OutboxMessages.Add(message);
        return message;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var wroteEvents = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken).ConfigureAwait(false);
        // Wakes the relay instead of waiting for its next poll (inside a transaction it simply polls again).
        if (wroteEvents)
            OutboxSignal.Notify();
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var wroteEvents = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        if (wroteEvents)
            OutboxSignal.Notify();
        return written;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        ConfigureEventTables(modelBuilder);
        var assembly = GetType().Assembly;
        if (assembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces().Any(IsEntityConfiguration) && IsConfigurationFor(t, GetType())))
            modelBuilder.ApplyConfigurationsFromAssembly(assembly, type => IsConfigurationFor(type, GetType()));
        base.OnModelCreating(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and other exact quantities are numeric; never let a decimal fall back to a lossy default.
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        base.ConfigureConventions(configurationBuilder);
    }

    private static void ConfigureEventTables(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).ValueGeneratedNever();
            outbox.Property(m => m.Subject).HasMaxLength(200);
            outbox.Property(m => m.Payload).HasColumnType("jsonb");
            outbox.Property(m => m.CorrelationId).HasMaxLength(100);
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            outbox.Property(m => m.LastError).HasMaxLength(2000);
            // The relay only ever scans unsent rows, oldest (UUIDv7) first.
            outbox.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
            outbox.HasIndex(m => m.SentAt).HasFilter("sent_at IS NOT NULL").HasDatabaseName("ix_outbox_messages_sent_at");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable);
            inbox.HasKey(m => new { m.Consumer, m.EventId });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
            inbox.Property(m => m.Subject).HasMaxLength(200);
            inbox.HasIndex(m => m.HandledAt);
        });
        modelBuilder.Entity<DeadLetter>(letter =>
        {
            letter.ToTable(DeadLetterTable);
            letter.HasKey(m => m.Id);
            letter.Property(m => m.Id).ValueGeneratedNever();
            letter.Property(m => m.Consumer).HasMaxLength(200);
            letter.Property(m => m.Subject).HasMaxLength(200);
            letter.Property(m => m.Payload).HasColumnType("jsonb");
            letter.Property(m => m.CorrelationId).HasMaxLength(100);
            letter.Property(m => m.TraceParent).HasMaxLength(100);
            letter.Property(m => m.Error).HasMaxLength(4000);
            letter.HasIndex(m => new { m.Consumer, m.EventId }).IsUnique();
        });
    }

    private static bool IsEntityConfiguration(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>);

    // A module has one DbContext, but its assembly could hold configurations of a test or design-time context too.
    private static bool IsConfigurationFor(Type configuration, Type context) =>
        configuration.Namespace?.StartsWith(context.Namespace ?? "", StringComparison.Ordinal) ?? true;
}
