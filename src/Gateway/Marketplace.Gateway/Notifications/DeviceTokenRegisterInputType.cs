using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class DeviceTokenRegisterInputType : InputObjectGraphType
{
    public DeviceTokenRegisterInputType()
    {
        Name = "DeviceTokenRegisterInput";
        Description = "One of your devices and its push token.";
        Field<NonNullGraphType<StringGraphType>>("deviceId").Description("The app installation's stable id; 1–200 characters.");
        Field<NonNullGraphType<DevicePlatformType>>("platform").Description("The device's platform.");
        Field<NonNullGraphType<StringGraphType>>("token").Description("The FCM registration token; 1–4,096 characters.");
    }
}
