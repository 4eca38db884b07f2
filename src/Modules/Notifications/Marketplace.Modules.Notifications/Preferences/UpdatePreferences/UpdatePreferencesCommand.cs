using Marketplace.Modules.Notifications.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Notifications.Preferences.UpdatePreferences;

/// <summary>The user changes some settings, in order (a later entry for the same channel × category wins); answers all of them.</summary>
internal sealed record UpdatePreferencesCommand(Guid UserId, IReadOnlyList<PreferenceChange> Preferences) : ICommand<List<PreferenceSetting>>
{
    public static UpdatePreferencesCommand From(Guid userId, UpdatePreferencesRequest request) =>
        new(userId, request.Preferences.Select(p => new PreferenceChange(p.Channel.Trim().ToUpperInvariant(), p.Category.Trim().ToUpperInvariant(), p.Enabled)).ToList());
}

/// <summary>One setting as the contract names it: <c>EMAIL</c> × <c>ORDERS</c> on or off.</summary>
internal sealed record PreferenceChange(string Channel, string Category, bool Enabled);
