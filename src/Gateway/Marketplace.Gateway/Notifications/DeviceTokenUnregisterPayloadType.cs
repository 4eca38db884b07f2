using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Notifications;

internal sealed class DeviceTokenUnregisterPayloadType : ObjectGraphType<DeviceTokenUnregisterPayload>
{
    public DeviceTokenUnregisterPayloadType()
    {
        Name = "DeviceTokenUnregisterPayload";
        Description = "The result of deviceTokenUnregister.";
        Field<NonNullGraphType<BooleanGraphType>>("removed").Description("Whether the device had a registration (false when there was none to remove).").Resolve(c => c.Source.Removed);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<NotificationErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
