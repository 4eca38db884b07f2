using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Notifications;

/// <summary>What <c>deviceTokenUnregister</c> answers: whether a registration was removed, or the userErrors.</summary>
internal sealed record DeviceTokenUnregisterPayload(bool Removed, IReadOnlyList<UserError> UserErrors)
{
    public static async Task<DeviceTokenUnregisterPayload> RunAsync(Func<Task<bool>> call) =>
        await ContractCalls.PayloadAsync(async () => new DeviceTokenUnregisterPayload(await call(), []), errors => new DeviceTokenUnregisterPayload(false, errors));
}
