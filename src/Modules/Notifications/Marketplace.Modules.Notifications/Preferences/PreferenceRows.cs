using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Notifications.Preferences;

/// <summary>One channel × category as the user sees it: their choice or the default, and whether it can be changed.</summary>
internal sealed record PreferenceSetting(Channel Channel, Category Category, bool Enabled, bool Locked);

/// <summary>Reading and writing a user's preferences.</summary>
internal static class PreferenceRows
{
    /// <summary>Every channel × category, in a stable order (channels, then categories, as declared).</summary>
    public static async Task<List<PreferenceSetting>> SettingsOfAsync(this NotificationsDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var stored = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        return Enum.GetValues<Channel>()
            .SelectMany(channel => Enum.GetValues<Category>().Select(category => new PreferenceSetting(
                channel,
                category,
                Preference.IsLocked(category) || (stored.FirstOrDefault(p => p.Channel == channel && p.Category == category)?.Enabled ?? Preference.Default(category)),
                Preference.IsLocked(category))))
            .ToList();
    }

    /// <summary>
    /// Stores one choice in one statement (insert or update), so two requests changing the same setting at once both
    /// succeed and the later one wins, instead of one failing on the primary key.
    /// </summary>
    public static Task SetAsync(this NotificationsDbContext db, Guid userId, Channel channel, Category category, bool enabled, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO notifications.preferences (user_id, channel, category, enabled, updated_at)
            VALUES ({userId}, {channel.ToString()}, {category.ToString()}, {enabled}, {now})
            ON CONFLICT (user_id, channel, category) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at
            """,
            cancellationToken);
}
