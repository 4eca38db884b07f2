using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Users.Contracts.Events;

namespace Marketplace.Modules.Notifications.Events;

/// <summary>
/// Which event produces which notification: the one table to extend when a module publishes a new event worth
/// telling someone about. A rule names the template (its category decides opt-outs), the channels, and how to
/// read the recipient and the template data from the event. <see cref="NotificationsModule"/> declares one durable
/// consumer per rule; <see cref="NotifyOnEvent{TEvent}"/> does the rest.
/// </summary>
internal static class NotificationRules
{
    public static readonly IReadOnlyList<INotificationRule> All =
    [
        new NotificationRule<SellerEmailVerified>(
            NotificationTemplates.SellerWelcome,
            [Channel.Email, Channel.InApp],
            e => new Recipient(e.UserId, e.Email, null),
            e => new Dictionary<string, string> { ["displayName"] = e.DisplayName }),
        // A security notice: every sign-in after the account's first, to the account's own feed and devices.
        new NotificationRule<UserSignedIn>(
            NotificationTemplates.NewSignIn,
            [Channel.InApp, Channel.Push],
            e => new Recipient(e.UserId, null, null),
            e => new Dictionary<string, string>
            {
                ["method"] = e.Method == SignInMethods.Password ? "a password" : "a code texted to your phone",
                ["device"] = DeviceNames.Describe(e.Device),
            },
            OccurrenceOf: e => e.SessionId.ToString("N"),
            When: e => !e.FirstSession),
        new NotificationRule<BuyerRegistered>(
            NotificationTemplates.BuyerWelcome,
            [Channel.InApp, Channel.Push],
            e => new Recipient(e.UserId, null, null),
            _ => new Dictionary<string, string>()),
        // To the seller (in-app) and the store's contact address (email); once per crossing of the threshold.
        new NotificationRule<LowStock>(
            NotificationTemplates.LowStock,
            [Channel.Email, Channel.InApp],
            e => new Recipient(e.SellerId, string.IsNullOrWhiteSpace(e.NotifyEmail) ? null : e.NotifyEmail, null),
            e => new Dictionary<string, string>
            {
                ["productTitle"] = e.ProductTitle,
                ["sku"] = e.Sku,
                ["available"] = e.Available.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["threshold"] = e.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            e => $"{e.VariantId:N}:{e.OccurredAt.UtcTicks}"),
        // One per order, to the buyer (buyers sign in by phone: email only once the event knows an address for them,
        // which it does not today) and to the seller who runs the store (email to the store's contact address).
        new NotificationRule<OrderPlaced>(
            NotificationTemplates.OrderPlacedBuyer,
            [Channel.Email, Channel.InApp, Channel.Push],
            e => new Recipient(e.BuyerId, null, null),
            OrderData,
            e => e.OrderId.ToString("N")),
        new NotificationRule<OrderPlaced>(
            NotificationTemplates.OrderPlacedSeller,
            [Channel.Email, Channel.InApp, Channel.Push],
            e => new Recipient(e.SellerId, string.IsNullOrWhiteSpace(e.StoreContactEmail) ? null : e.StoreContactEmail, null),
            OrderData,
            e => e.OrderId.ToString("N")),
    ];

    private static Dictionary<string, string> OrderData(OrderPlaced e) => new()
    {
        ["orderNumber"] = e.Number,
        ["storeName"] = e.StoreName,
        ["itemCount"] = e.ItemCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["total"] = e.Total,
        ["currencyCode"] = e.CurrencyCode,
        ["paymentMethod"] = e.PaymentMethod,
        ["fulfilment"] = e.Fulfilment,
    };
}
