namespace Marketplace.Modules.Notifications.Push;

/// <summary>Settings under <c>Modules:Notifications:Push</c> (FCM HTTP v1).</summary>
internal sealed class PushOptions
{
    public const string Section = "Modules:Notifications:Push";

    /// <summary>Path of the Firebase service-account key (JSON). Without it (or <see cref="ServiceAccountJson"/>) push is disabled.</summary>
    public string? ServiceAccountFile { get; set; }

    /// <summary>The key's JSON itself, e.g. from a secret store; wins over <see cref="ServiceAccountFile"/>.</summary>
    public string? ServiceAccountJson { get; set; }

    /// <summary>Firebase project id; the key's <c>project_id</c> when empty.</summary>
    public string? ProjectId { get; set; }

    public string BaseUrl { get; set; } = "https://fcm.googleapis.com";

    /// <summary>429/5xx retried inside one job run this many times, waiting Retry-After (or 1 s, 2 s, …) when it is short.</summary>
    public int InlineRetries { get; set; } = 3;

    /// <summary>A longer Retry-After ends the run; the job is retried later by Hangfire's backoff.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
