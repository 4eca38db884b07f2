using Marketplace.Modules.Notifications.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Notifications.Devices.RegisterDeviceToken;

/// <summary>The user registers (or refreshes) the push token of one of their devices. The platform is upper-cased.</summary>
internal sealed record RegisterDeviceTokenCommand(Guid UserId, string DeviceId, string Platform, string Token) : ICommand<DeviceTokenView>
{
    public static RegisterDeviceTokenCommand From(Guid userId, RegisterDeviceTokenRequest request) =>
        new(userId, request.DeviceId, request.Platform.Trim().ToUpperInvariant(), request.Token);
}

/// <summary>The device's binding after the call: inactive while another user's device holds the token.</summary>
internal sealed record DeviceTokenView(string DeviceId, string Platform, bool Active);
