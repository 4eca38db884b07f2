using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Notifications;

internal sealed class DeviceTokenRegisterPayloadType : ObjectGraphType<DeviceTokenRegisterPayload>
{
    public DeviceTokenRegisterPayloadType()
    {
        Name = "DeviceTokenRegisterPayload";
        Description = "The result of deviceTokenRegister: the device's registration, or why nothing changed.";
        Field<DeviceTokenType>("deviceToken").Description("The registration after the call; null when the mutation failed.").Resolve(c => c.Source.DeviceToken);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<NotificationErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
