using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Devices.RegisterDeviceToken;
using Marketplace.Modules.Notifications.Devices.UnregisterDeviceToken;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Preferences.GetPreferences;
using Marketplace.Modules.Notifications.Preferences.UnsubscribeByLink;
using Marketplace.Modules.Notifications.Preferences.UpdatePreferences;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Notifications.GrpcServices;

/// <summary>
/// The <c>NotificationsSettings</c> contract: the caller's own preferences and push devices (the user is always the
/// caller), and one-click unsubscribe links, whose signature is the authorization.
/// </summary>
internal sealed class NotificationsSettingsGrpcService(ISender mediator) : NotificationsSettings.NotificationsSettingsBase
{
    public override async Task<PreferencesResponse> GetPreferences(GetPreferencesRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return (await mediator.Send(new GetPreferencesQuery(userId), context.CancellationToken)).ToContract();
    }

    public override async Task<PreferencesResponse> UpdatePreferences(UpdatePreferencesRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return (await mediator.Send(UpdatePreferencesCommand.From(userId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<DeviceTokenResponse> RegisterDeviceToken(RegisterDeviceTokenRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return (await mediator.Send(RegisterDeviceTokenCommand.From(userId, request), context.CancellationToken)).ToContract();
    }

    public override async Task<UnregisterDeviceTokenResponse> UnregisterDeviceToken(UnregisterDeviceTokenRequest request, ServerCallContext context)
    {
        var userId = CallerRequirements.User();
        return new UnregisterDeviceTokenResponse { Removed = await mediator.Send(new UnregisterDeviceTokenCommand(userId, request.DeviceId), context.CancellationToken) };
    }

    public override async Task<UnsubscribeByLinkResponse> UnsubscribeByLink(UnsubscribeByLinkRequest request, ServerCallContext context)
    {
        // No caller requirement: whoever holds the signed link may use it (a mail client's one-click POST is anonymous).
        var result = await mediator.Send(UnsubscribeByLinkCommand.From(request), context.CancellationToken);
        return new UnsubscribeByLinkResponse { Channel = WireNames.Of(result.Channel), Category = WireNames.Of(result.Category) };
    }
}
