using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary>What <c>deviceTokenRegister</c> answers: the device's registration, or the userErrors.</summary>
internal sealed record DeviceTokenRegisterPayload(DeviceTokenResponse? DeviceToken, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Invalid input (an empty or too long device id or token) becomes userErrors.</summary>
    public static async Task<DeviceTokenRegisterPayload> RunAsync(Func<Task<DeviceTokenResponse>> call) =>
        await ContractCalls.PayloadAsync(async () => new DeviceTokenRegisterPayload(await call(), []), errors => new DeviceTokenRegisterPayload(null, errors));
}
