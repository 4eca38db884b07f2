using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationCategoryType : EnumerationGraphType
{
    public NotificationCategoryType()
    {
        Name = "NotificationCategory";
        Description = "Why a notification is sent; preferences are set per channel and category.";
        Add("ACCOUNT", "ACCOUNT", "Account and security (verification, password reset, welcome): always sent, cannot be switched off.");
        Add("ORDERS", "ORDERS", "About the viewer's orders; on unless switched off.");
        Add("FOLLOWED_STORES", "FOLLOWED_STORES", "News from stores the viewer follows; on unless switched off.");
        Add("MARKETING", "MARKETING", "Offers and tips: off until opted in.");
    }
}
