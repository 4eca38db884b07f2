using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.UpdatePreferences;

internal sealed class UpdatePreferencesHandler(NotificationsDbContext db, TimeProvider clock) : ICommandHandler<UpdatePreferencesCommand, List<PreferenceSetting>>
{
    public async ValueTask<List<PreferenceSetting>> Handle(UpdatePreferencesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // The last entry for a setting wins; rows are written in one order (channel, category), so concurrent updates of
        // one user's settings lock them in the same order and cannot deadlock.
        var changes = command.Preferences
            .Select(p => (Channel: WireNames.ParseChannel(p.Channel)!.Value, Category: WireNames.ParseCategory(p.Category)!.Value, p.Enabled))
            .GroupBy(p => (p.Channel, p.Category))
            .Select(g => g.Last())
            .OrderBy(p => p.Channel)
            .ThenBy(p => p.Category);
        foreach (var (channel, category, enabled) in changes)
            await db.SetAsync(command.UserId, channel, category, enabled, now, cancellationToken);
        return await db.SettingsOfAsync(command.UserId, cancellationToken);
    }
}
