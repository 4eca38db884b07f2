using System.Security.Cryptography;
using System.Text;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Sending;

/// <summary>
/// Signed one-click unsubscribe links: <c>{base}/notifications/unsubscribe?u=..&amp;c=..&amp;ch=..&amp;s=..</c>. The HMAC key
/// is <c>Modules:Notifications:UnsubscribeKey</c> when set; otherwise one generated once and kept in
/// <c>notifications.module_keys</c>, so links stay valid across restarts and on every replica. The key is read (or
/// stored) through the caller's DbContext the first time, then kept in memory.
/// </summary>
internal sealed class UnsubscribeLinks(NotificationsOptions options, TimeProvider clock)
{
    private byte[]? _key = string.IsNullOrWhiteSpace(options.UnsubscribeKey) ? null : Convert.FromBase64String(options.UnsubscribeKey);

    public async Task<string> CreateAsync(NotificationsDbContext db, Guid userId, Channel channel, Category category, CancellationToken cancellationToken = default)
    {
        var payload = $"{userId:N}.{channel}.{category}";
        var signature = Sign(await KeyAsync(db, cancellationToken).ConfigureAwait(false), payload);
        return $"{options.PublicBaseUrl.TrimEnd('/')}/notifications/unsubscribe?u={userId:N}&ch={channel}&c={category}&s={signature}";
    }

    public async Task<bool> VerifyAsync(NotificationsDbContext db, Guid userId, Channel channel, Category category, string signature, CancellationToken cancellationToken = default)
    {
        var expected = Sign(await KeyAsync(db, cancellationToken).ConfigureAwait(false), $"{userId:N}.{channel}.{category}");
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private static string Sign(byte[] key, string payload) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));

    private async Task<byte[]> KeyAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } known)
            return known;
        // Replicas (or concurrent first calls) racing here all store-if-absent and then read the one stored key.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO notifications.module_keys (name, value, created_at) VALUES ({ModuleKey.UnsubscribeLinks}, {RandomNumberGenerator.GetBytes(32)}, {clock.GetUtcNow()}) ON CONFLICT (name) DO NOTHING",
            cancellationToken).ConfigureAwait(false);
        var stored = await db.ModuleKeys.AsNoTracking().SingleAsync(k => k.Name == ModuleKey.UnsubscribeLinks, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _key, stored.Value);
        return stored.Value;
    }
}
