using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.GetPreferences;

/// <summary>The user's setting for every channel × category (the default where they chose none).</summary>
internal sealed record GetPreferencesQuery(Guid UserId) : IQuery<List<PreferenceSetting>>;
