using GraphQL.Types;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

internal sealed class DeviceTokenType : ObjectGraphType<DeviceTokenResponse>
{
    public DeviceTokenType()
    {
        Name = "DeviceToken";
        Description = "The push registration of one of the viewer's devices.";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("The app installation's stable id, as registered (at most 200 characters).").Resolve(c => c.Source.DeviceId);
        Field<NonNullGraphType<DevicePlatformType>>("platform").Description("The device's platform.").Resolve(c => c.Source.Platform);
        Field<NonNullGraphType<BooleanGraphType>>("active")
            .Description("Whether pushes go to it. False while another account's device holds the same token: it becomes active at the next registration after that binding ends.")
            .Resolve(c => c.Source.Active);
    }
}
