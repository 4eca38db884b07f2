using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.UpdatePreferences;

internal sealed class UpdatePreferencesHandler(NotificationsDbContext db, TimeProvider clock) : ICommandHandler<UpdatePreferencesCommand, List<PreferenceSetting>>
{
    public async ValueTask<List<PreferenceSetting>> Handle(UpdatePreferencesCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var change in command.Preferences)
            await db.SetAsync(command.UserId, WireNames.ParseChannel(change.Channel)!.Value, WireNames.ParseCategory(change.Category)!.Value, change.Enabled, now, cancellationToken);
        return await db.SettingsOfAsync(command.UserId, cancellationToken);
    }
}
