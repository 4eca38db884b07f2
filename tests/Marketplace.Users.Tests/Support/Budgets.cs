using System.Security.Cryptography;
using System.Text;
using Marketplace.Testing;
using StackExchange.Redis;

namespace Marketplace.Users.Tests.Support;

/// <summary>
/// The message budget's counters in Redis (<c>budget:{channel}:{scope}:{seconds}s:{hash}</c>). A test does not wait out a
/// window: it deletes that one counter, the way the window's expiry would.
/// </summary>
public static class Budgets
{
    public static string Key(string channel, string scope, TimeSpan window, string subject) =>
        $"budget:{channel}:{scope}:{(long)window.TotalSeconds}s:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..32]}";

    /// <summary>Lets <paramref name="phone"/> have its next code now (the one-per-minute window passed).</summary>
    public static Task ClearPhoneMinuteAsync(string phone) => DeleteAsync(Key("sms", "destination", TimeSpan.FromMinutes(1), phone));

    public static async Task DeleteAsync(params string[] keys)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestServices.Redis);
        await redis.GetDatabase().KeyDeleteAsync(keys.Select(k => (RedisKey)k).ToArray());
    }
}
