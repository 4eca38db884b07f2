using System.Security.Cryptography;
using System.Text;
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

    /// <summary>HMAC key for unsubscribe links (Base64, ≥ 32 bytes). Empty: a random key per process (links die on restart).</summary>
    public string? UnsubscribeKey { get; set; }

    /// <summary>How long a job owns a delivery it claimed; a crashed job's delivery is claimable again after it.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a delivery is marked Failed for good.</summary>
    public int MaxAttempts { get; set; } = 8;
}

/// <summary>Signed one-click unsubscribe links: <c>{base}/notifications/unsubscribe?u=..&amp;c=..&amp;ch=..&amp;s=..</c>.</summary>
internal sealed class UnsubscribeLinks(NotificationsOptions options)
{
    private readonly byte[] _key = string.IsNullOrWhiteSpace(options.UnsubscribeKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.UnsubscribeKey);

    public string Create(Guid userId, Channel channel, Category category)
    {
        var payload = $"{userId:N}.{channel}.{category}";
        return $"{options.PublicBaseUrl.TrimEnd('/')}/notifications/unsubscribe?u={userId:N}&ch={channel}&c={category}&s={Sign(payload)}";
    }

    public bool Verify(Guid userId, Channel channel, Category category, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign($"{userId:N}.{channel}.{category}")), Encoding.ASCII.GetBytes(signature));

    private string Sign(string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload)));
}
