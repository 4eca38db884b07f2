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
        // The lifecycle (OrderStatusChanged): the buyer hears of every step that concerns them, the seller of an order
        // taken away from them. Once per transition however often it arrives: the occurrence is the order and the
        // transition's sequence. The event carries no address for either (in-app and push).
        BuyerOnStatus(NotificationTemplates.OrderAccepted, e => e.To == OrderStatuses.Accepted),
        BuyerOnStatus(NotificationTemplates.OrderReadyForPickup, e => e.To == OrderStatuses.ReadyForPickup),
        BuyerOnStatus(NotificationTemplates.OrderOutForDelivery, e => e.To == OrderStatuses.OutForDelivery),
        BuyerOnStatus(NotificationTemplates.OrderDelivered, e => e.To == OrderStatuses.Delivered),
        BuyerOnStatus(NotificationTemplates.OrderPickedUp, e => e.To == OrderStatuses.PickedUp),
        BuyerOnStatus(NotificationTemplates.OrderRejected, e => e.To == OrderStatuses.Rejected),
        BuyerOnStatus(NotificationTemplates.OrderExpired, e => e.To == OrderStatuses.Expired),
        // The buyer cancelling knows it already; an administrator's cancellation (a refund, a fraud stop) is news to them.
        BuyerOnStatus(NotificationTemplates.OrderCancelledByMarketplace, e => e.To == OrderStatuses.Cancelled && e.ActorKind == OrderActors.Admin),
        // The seller must stop preparing an order the buyer (or an administrator) cancelled.
        new NotificationRule<OrderStatusChanged>(
            NotificationTemplates.OrderCancelledSeller,
            [Channel.InApp, Channel.Push],
            e => new Recipient(e.SellerId, null, null),
            StatusData,
            StatusOccurrence,
            e => e.To == OrderStatuses.Cancelled && e.ActorKind is OrderActors.Buyer or OrderActors.Admin),
    ];

    private static NotificationRule<OrderStatusChanged> BuyerOnStatus(string template, Func<OrderStatusChanged, bool> when) =>
        new(template, [Channel.InApp, Channel.Push], e => new Recipient(e.BuyerId, null, null), StatusData, StatusOccurrence, when);

    private static string ReasonSentence(string reason)
    {
        var text = reason.Trim();
        if (text.Length == 0)
            return "";
        return text[^1] is '.' or '!' or '?' ? $" Reason: {text}" : $" Reason: {text}.";
    }

    private static string StatusOccurrence(OrderStatusChanged e) =>
        $"{e.OrderId:N}:{e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static Dictionary<string, string> StatusData(OrderStatusChanged e) => new()
    {
        ["orderNumber"] = e.Number,
        ["storeName"] = e.StoreName,
        ["total"] = e.Total,
        ["currencyCode"] = e.CurrencyCode,
        // Free text from the seller or an administrator: rendered as a value (HTML-encoded in HTML bodies), never as template syntax.
        ["reasonSentence"] = ReasonSentence(e.Reason),
        ["cancelledBy"] = e.ActorKind == OrderActors.Admin ? "Marketplace support" : "the buyer",
    };

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

/// <summary>Order statuses as <see cref="OrderStatusChanged"/> spells them (docs/ordering.md, lifecycle).</summary>
internal static class OrderStatuses
{
    public const string Accepted = "ACCEPTED";
    public const string ReadyForPickup = "READY_FOR_PICKUP";
    public const string OutForDelivery = "OUT_FOR_DELIVERY";
    public const string Delivered = "DELIVERED";
    public const string PickedUp = "PICKED_UP";
    public const string Rejected = "REJECTED";
    public const string Expired = "EXPIRED";
    public const string Cancelled = "CANCELLED";
}

/// <summary>Who moved an order (<see cref="OrderStatusChanged.ActorKind"/>).</summary>
internal static class OrderActors
{
    public const string Buyer = "BUYER";
    public const string Seller = "SELLER";
    public const string Admin = "ADMIN";
    public const string System = "SYSTEM";
}
