using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class DeviceTokenUnregisterInputType : InputObjectGraphType
{
    public DeviceTokenUnregisterInputType()
    {
        Name = "DeviceTokenUnregisterInput";
        Description = "The device whose push token to forget.";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("The app installation's id, as registered (at most 200 characters).");
    }
}
