using GraphQL;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// The Notifications area: the viewer's feed (<c>viewer.notifications</c>, live <c>notificationReceived</c>,
/// <c>notificationsMarkRead</c>), preferences, device tokens, and the delivery log for administrators, through the
/// <c>NotificationsInbox</c>, <c>NotificationsSettings</c> and <c>NotificationsDelivery</c> contracts. The module
/// authorizes every call again from the caller in its metadata: a user only ever reaches their own rows.
/// </summary>
internal sealed class NotificationsArea : IGatewayArea
{
    public const string NotificationTypeName = "Notification";
    public const string DeliveryTypeName = "NotificationDelivery";

    public void Register(IServiceCollection services)
    {
        services.AddContractClient<NotificationsInbox.NotificationsInboxClient>("Notifications");
        services.AddContractClient<NotificationsSettings.NotificationsSettingsClient>("Notifications");
        services.AddContractClient<NotificationsDelivery.NotificationsDeliveryClient>("Notifications");
        services.AddSingleton<IViewerExtension, NotificationViewerFields>();
        services.AddSchemaContribution<NotificationQueries>();
        services.AddSchemaContribution<NotificationMutations>();
        services.AddSchemaContribution<DeviceTokenMutations>();
        services.AddSchemaContribution<NotificationSubscriptions>();
        services.AddNodeResolver<NotificationNodeResolver>();
        services.AddNodeResolver<NotificationDeliveryNodeResolver>();
        services.AddTransient<ConnectionType<NotificationType, FeedItem>>();
        services.AddTransient<EdgeType<NotificationType, FeedItem>>();
        services.AddTransient<ConnectionType<NotificationDeliveryType, DeliveryLogEntry>>();
        services.AddTransient<EdgeType<NotificationDeliveryType, DeliveryLogEntry>>();
    }

    // Resolved per request, so building the schema needs no contract channel.
    public static NotificationsInbox.NotificationsInboxClient Inbox(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<NotificationsInbox.NotificationsInboxClient>();

    public static NotificationsSettings.NotificationsSettingsClient Settings(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<NotificationsSettings.NotificationsSettingsClient>();

    public static NotificationsDelivery.NotificationsDeliveryClient Delivery(IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<NotificationsDelivery.NotificationsDeliveryClient>();
}
