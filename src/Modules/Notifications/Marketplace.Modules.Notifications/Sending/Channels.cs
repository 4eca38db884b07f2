using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Templates;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>One channel's way out (SMTP, FCM). Returns what happened instead of throwing for expected failures.</summary>
internal interface IChannelSender
{
    Channel Channel { get; }

    Task<SendResult> SendAsync(DeliveryWork work, CancellationToken cancellationToken);
}

internal enum SendOutcome
{
    Sent,
    Transient,
    Permanent,
}

internal sealed record SendResult(SendOutcome Outcome, string? Reason, TimeSpan? RetryAfter)
{
    public static readonly SendResult Sent = new(SendOutcome.Sent, null, null);

    public static SendResult Transient(string reason, TimeSpan? retryAfter) => new(SendOutcome.Transient, reason, retryAfter);

    public static SendResult Permanent(string reason) => new(SendOutcome.Permanent, reason, null);
}

/// <summary>What a sender gets: the claimed delivery, its notification, the template and its variables.</summary>
internal sealed record DeliveryWork(Delivery Delivery, Notification Notification, TemplateDefinition Definition, IReadOnlyDictionary<string, string> Data, TemplateCatalog Templates)
{
    public RenderedMessage Render(IReadOnlyDictionary<string, string> data) => Templates.Render(Notification.Template, Notification.Locale, data);
}

/// <summary>Settings under <c>Modules:Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Modules:Notifications";

    /// <summary>Public base URL of the API, for one-click unsubscribe links.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>HMAC key for unsubscribe links (Base64, ≥ 32 bytes). Empty: a key generated once and kept in the module's schema.</summary>
    public string? UnsubscribeKey { get; set; }

    /// <summary>How long a job owns a delivery it claimed; a crashed job's delivery is claimable again after it.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a delivery is marked Failed for good.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Devices (push tokens) one user may have; registering one more drops the least recently seen.</summary>
    public int MaxDevicesPerUser { get; set; } = 10;

    /// <summary>
    /// A push token active for another user moves to a new user only once that binding went unseen this long (apps
    /// re-register at every start), or was unregistered, or FCM said the token is dead.
    /// </summary>
    public TimeSpan DeviceTokenStaleAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// Products a store publishes within this window of its first one reach each follower as one notification
    /// ("Bakery added 12 new products"), sent when the window closes.
    /// </summary>
    public TimeSpan FollowedStoreDigestWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Followers told per transaction (and per Sellers call) when a digest goes out.</summary>
    public int FollowedStoreDigestBatch { get; set; } = 500;
}
