using Marketplace.Modules.Notifications.Persistence;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.GetPreferences;

internal sealed class GetPreferencesHandler(NotificationsDbContext db) : IQueryHandler<GetPreferencesQuery, List<PreferenceSetting>>
{
    public async ValueTask<List<PreferenceSetting>> Handle(GetPreferencesQuery query, CancellationToken cancellationToken) =>
        await db.SettingsOfAsync(query.UserId, cancellationToken);
}
