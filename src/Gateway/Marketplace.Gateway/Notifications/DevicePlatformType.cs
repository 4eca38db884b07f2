using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class DevicePlatformType : EnumerationGraphType
{
    public DevicePlatformType()
    {
        Name = "DevicePlatform";
        Description = "The platform of a device that receives push notifications (all through FCM).";
        Add("ANDROID", "ANDROID", "An Android app.");
        Add("IOS", "IOS", "An iOS app.");
        Add("WEB", "WEB", "A web browser (web push).");
    }
}
