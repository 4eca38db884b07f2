using Mediator;

namespace Marketplace.Modules.Notifications.Devices.UnregisterDeviceToken;

/// <summary>The user forgets the push token of one of their devices; answers whether there was one.</summary>
internal sealed record UnregisterDeviceTokenCommand(Guid UserId, string DeviceId) : ICommand<bool>;
