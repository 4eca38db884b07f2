namespace Marketplace.Modules.Notifications.Domain;

internal enum DeliveryState
{
    /// <summary>Waiting for its job.</summary>
    Queued,

    /// <summary>Claimed by a job until <see cref="Delivery.LeaseUntil"/>; a retry of the same job cannot claim it meanwhile.</summary>
    Sending,

    /// <summary>The last attempt failed in a way worth retrying; the job is retried with backoff.</summary>
    Retrying,
    Sent,

    /// <summary>Given up: permanent error or attempts exhausted (<see cref="Delivery.LastError"/> says why).</summary>
    Failed,
}

/// <summary>
/// One (notification, channel) and its delivery log. The row is the job's idempotency: a job sends only after
/// claiming it atomically from Queued/Retrying (or an expired Sending lease), so a retried or duplicated job
/// never sends twice.
/// </summary>
internal sealed class Delivery
{
    public Guid Id { get; set; }

    public Guid NotificationId { get; set; }

    public Channel Channel { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
