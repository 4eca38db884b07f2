using Marketplace.Modules.Notifications.Deliveries;
using Marketplace.Modules.Notifications.Devices.RegisterDeviceToken;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Preferences;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using Marketplace.Modules.Notifications.Contracts.V1;
using ContractPreference = Marketplace.Modules.Notifications.Contracts.V1.Preference;

namespace Marketplace.Modules.Notifications.GrpcServices;

/// <summary>What the use cases return, as the contract's messages.</summary>
internal static class NotificationsMapping
{
    public static FeedItem ToContract(this FeedEntry entry) => new()
    {
        Id = entry.Id.ToString(),
        Template = entry.Template,
        Category = WireNames.Of(entry.Category),
        Title = entry.Title,
        Body = entry.Body,
        CreatedAt = Timestamps.Format(entry.CreatedAt),
        ReadAt = entry.ReadAt is { } readAt ? Timestamps.Format(readAt) : "",
        Key = entry.Id.ToString(),
    };

    public static DeliveryLogEntry ToContract(this DeliveryView view) => new()
    {
        Id = view.Delivery.Id.ToString(),
        NotificationId = view.Delivery.NotificationId.ToString(),
        Channel = WireNames.Of(view.Delivery.Channel),
        Template = view.Template,
        State = WireNames.Of(view.Delivery.State),
        Attempts = view.Delivery.Attempts,
        LastError = view.Delivery.LastError ?? "",
        CreatedAt = Timestamps.Format(view.Delivery.CreatedAt),
        UpdatedAt = Timestamps.Format(view.Delivery.UpdatedAt),
        Key = view.Delivery.Id.ToString(),
    };

    public static PreferencesResponse ToContract(this IEnumerable<PreferenceSetting> settings) => new()
    {
        Preferences =
        {
            settings.Select(s => new ContractPreference { Channel = WireNames.Of(s.Channel), Category = WireNames.Of(s.Category), Enabled = s.Enabled, Locked = s.Locked }),
        },
    };

    public static DeviceTokenResponse ToContract(this DeviceTokenView device) => new() { DeviceId = device.DeviceId, Platform = device.Platform, Active = device.Active };

    public static Marketplace.Shared.Contracts.V1.PageInfo PageInfo<T>(this Page<T> page) => new() { HasNextPage = page.HasNextPage };
}
