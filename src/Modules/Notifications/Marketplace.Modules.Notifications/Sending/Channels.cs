using System.Security.Cryptography;
using System.Text;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
}

/// <summary>
/// Signed one-click unsubscribe links: <c>{base}/notifications/unsubscribe?u=..&amp;c=..&amp;ch=..&amp;s=..</c>. The HMAC key
/// is <c>Modules:Notifications:UnsubscribeKey</c> when set; otherwise one generated once and kept in
/// <c>notifications.module_keys</c>, so links stay valid across restarts and on every replica.
/// </summary>
internal sealed class UnsubscribeLinks(NotificationsOptions options, IServiceScopeFactory scopes)
{
    private byte[]? _key = string.IsNullOrWhiteSpace(options.UnsubscribeKey) ? null : Convert.FromBase64String(options.UnsubscribeKey);

    public async Task<string> CreateAsync(Guid userId, Channel channel, Category category, CancellationToken cancellationToken = default)
    {
        var payload = $"{userId:N}.{channel}.{category}";
        var signature = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), payload);
        return $"{options.PublicBaseUrl.TrimEnd('/')}/notifications/unsubscribe?u={userId:N}&ch={channel}&c={category}&s={signature}";
    }

    public async Task<bool> VerifyAsync(Guid userId, Channel channel, Category category, string signature, CancellationToken cancellationToken = default)
    {
        var expected = Sign(await KeyAsync(cancellationToken).ConfigureAwait(false), $"{userId:N}.{channel}.{category}");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private static string Sign(byte[] key, string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } known)
            return known;
        // Replicas (or concurrent first calls) racing here all store-if-absent and then read the one stored key.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO notifications.module_keys (name, value, created_at) VALUES ({ModuleKey.UnsubscribeLinks}, {RandomNumberGenerator.GetBytes(32)}, now()) ON CONFLICT (name) DO NOTHING",
            cancellationToken).ConfigureAwait(false);
        var stored = await db.ModuleKeys.AsNoTracking().SingleAsync(k => k.Name == ModuleKey.UnsubscribeLinks, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _key, stored.Value);
        return stored.Value;
    }
}
