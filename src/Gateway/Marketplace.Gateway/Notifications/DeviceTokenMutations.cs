using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary><c>deviceTokenRegister</c> and <c>deviceTokenUnregister</c>: the push tokens of the viewer's own devices.</summary>
internal sealed class DeviceTokenMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<DeviceTokenRegisterPayloadType>>("deviceTokenRegister")
            .Description("Registers (or refreshes) the push token of one of your devices; apps call it at every start. You keep at most 10 devices: "
                + "a new one pushes out the least recently seen. A token another account holds is stored inactive until that binding ends.")
            .Argument<NonNullGraphType<DeviceTokenRegisterInputType>>("input", "The device and its token.")
            .RequireSignedIn()
            .ResolveAsync(async c => await DeviceTokenRegisterPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new RegisterDeviceTokenRequest { DeviceId = input.Text("deviceId"), Platform = input.Text("platform"), Token = input.Text("token") };
                return await NotificationsArea.Settings(c).RegisterDeviceTokenAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<DeviceTokenUnregisterPayloadType>>("deviceTokenUnregister")
            .Description("Forgets the push token of one of your devices (apps call it at sign-out, so the device's next user gets pushes at once).")
            .Argument<NonNullGraphType<DeviceTokenUnregisterInputType>>("input", "The device.")
            .RequireSignedIn()
            .ResolveAsync(async c => await DeviceTokenUnregisterPayload.RunAsync(async () =>
            {
                var request = new UnregisterDeviceTokenRequest { DeviceId = c.Input().Text("deviceId") };
                return (await NotificationsArea.Settings(c).UnregisterDeviceTokenAsync(request, cancellationToken: c.CancellationToken)).Removed;
            }));
    }
}
