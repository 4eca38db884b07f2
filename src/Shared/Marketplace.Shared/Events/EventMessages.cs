namespace Marketplace.Shared.Events;

/// <summary>
/// An integration event waiting in (or relayed from) its module's <c>outbox_messages</c>. Written by
/// <see cref="Persistence.ModuleDbContext.AddEvent{TEvent}"/> in the same transaction as the state change.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>The event id (UUIDv7), also the JetStream <c>Nats-Msg-Id</c> that de-duplicates re-publishes.</summary>
    public Guid Id { get; init; }

    /// <summary>Canonical subject, <c>marketplace.&lt;module&gt;.&lt;event&gt;.v&lt;n&gt;</c> (without a deployment prefix).</summary>
    public required string Subject { get; init; }

    /// <summary>The event record as JSON.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string CorrelationId { get; init; }

    public Guid? CausationId { get; init; }

    public string? TraceParent { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>
/// One handled event per consumer: inserted in the handler's transaction, so a redelivered or duplicated event
/// finds its row and is acknowledged without running the handler again.
/// </summary>
public sealed class InboxMessage
{
    public required string Consumer { get; init; }

    public Guid EventId { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset HandledAt { get; init; }
}

/// <summary>A poison message parked after its consumer's MaxDeliver, with the last error; replayable by an admin.</summary>
public sealed class DeadLetter
{
    public Guid Id { get; init; }

    public required string Consumer { get; init; }

    public Guid EventId { get; init; }

    public required string Subject { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public required string CorrelationId { get; init; }

    public Guid? CausationId { get; init; }

    public string? TraceParent { get; init; }

    public int Deliveries { get; init; }

    public required string Error { get; set; }

    public DateTimeOffset FailedAt { get; set; }

    public DateTimeOffset? ReplayedAt { get; set; }
}
