namespace Marketplace.Shared.Events;

/// <summary>Settings under <c>Events</c>; every default is documented in docs/events.md.</summary>
public sealed class EventBackboneOptions
{
    public const string Section = "Events";

    /// <summary>
    /// Optional deployment prefix for subjects and streams (e.g. <c>staging</c>: <c>staging.marketplace.users...</c>,
    /// stream <c>STAGING_MARKETPLACE_USERS</c>), so environments or test runs can share one NATS. Empty by default.
    /// </summary>
    public string SubjectPrefix { get; set; } = "";

    public StreamOptions Streams { get; set; } = new();

    public RelayOptions Relay { get; set; } = new();

    public ConsumerOptions Consumers { get; set; } = new();

    /// <summary>Readiness turns unhealthy when the oldest unsent outbox row is older than this.</summary>
    public TimeSpan MaxOutboxAge { get; set; } = TimeSpan.FromMinutes(5);
}

public sealed class StreamOptions
{
    /// <summary>JetStream drops a re-published message with the same <c>Nats-Msg-Id</c> within this window.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a stream keeps messages (consumers that fall further behind lose them).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Size bound per stream; oldest messages go first. -1 = unbounded.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    public int Replicas { get; set; } = 1;
}

public sealed class RelayOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Rows claimed per transaction (<c>FOR UPDATE SKIP LOCKED</c>).</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Relay loops per module in this process, each claiming its own batches (SKIP LOCKED).</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>Publishes in flight before awaiting their acks; 1 = one awaited ack per message (the slow way).</summary>
    public int PublishWindow { get; set; } = 1000;

    /// <summary>Idle poll; a <c>SaveChanges</c> in this process wakes the relay earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MinBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent rows are deleted after this long (they are only kept to look at).</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Test seam: runs after the batch was published and before it is marked sent.</summary>
    internal Func<IReadOnlyList<Guid>, CancellationToken, Task>? AfterPublish { get; set; }
}

public sealed class ConsumerOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>JetStream redelivers an unacknowledged message after this (the handler's time budget).</summary>
    public TimeSpan AckWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a failing message is parked as a dead letter.</summary>
    public int MaxDeliver { get; set; } = 5;

    /// <summary>The redelivery delays used when <see cref="Backoff"/> is not configured.</summary>
    public static readonly TimeSpan[] DefaultBackoff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>
    /// Delay before redelivery n (the last value repeats); used for NAKs and by JetStream after AckWait. Empty means
    /// <see cref="DefaultBackoff"/> (a non-empty default here would be merged with configured values by the binder).
    /// </summary>
    public TimeSpan[] Backoff { get; set; } = [];

    internal TimeSpan[] EffectiveBackoff => Backoff.Length > 0 ? Backoff : DefaultBackoff;

    /// <summary>Messages delivered but not yet acknowledged, per consumer.</summary>
    public int MaxAckPending { get; set; } = 256;

    /// <summary>Messages pulled per request.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Cap of the in-place retry while an infrastructure dependency (Redis, PostgreSQL) is unreachable.</summary>
    public TimeSpan MaxTransientBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Inbox rows are kept this long (must exceed how long a message can be redelivered: stream MaxAge).</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(8);

    internal TimeSpan BackoffFor(int delivery) => EffectiveBackoff[Math.Clamp(delivery - 1, 0, EffectiveBackoff.Length - 1)];
}
