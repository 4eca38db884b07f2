using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Email;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Notifications.Events;
using Marketplace.Modules.Notifications.FollowedStores;
using Marketplace.Modules.Notifications.GrpcServices;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Push;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Notifications;

/// <summary>The Notifications module's entry type: everything the host needs to load it.</summary>
public sealed class NotificationsModule : IModule
{
    public string Name => "Notifications";

    public string Schema => NotificationsDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        // Checked now, so a broken template or SMTP setting stops the host at start-up with one line.
        var templates = TemplateCatalog.Load(module.Configuration[TemplateCatalog.PathSetting]);
        var email = module.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        email.Validate();
        var options = module.Settings.Get<NotificationsOptions>() ?? new NotificationsOptions();

        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddSingleton(templates);
        module.Services.AddSingleton(email);
        module.Services.AddSingleton(options);
        module.Services.AddSingleton<UnsubscribeLinks>();
        module.Services.AddSingleton<FeedBroadcaster>();
        module.Services.AddScoped<NotificationService>();
        module.Services.AddScoped<IChannelSender, EmailSender>();
        module.Services.AddScoped<IChannelSender, InAppSender>();
        module.Services.AddScoped<IChannelSender, PushSender>();
        module.Services.AddSingleton(module.Configuration.GetSection(PushOptions.Section).Get<PushOptions>() ?? new PushOptions());
        module.Services.AddHttpClient(nameof(FcmClient));
        module.Services.AddSingleton<FcmClient>();
        module.Services.AddHostedService<ChannelStatusLog>();

        module.AddDbContext<NotificationsDbContext>();
        module.AddContract<NotificationsDeliveryGrpcService>();
        module.AddContract<NotificationsInboxGrpcService>();
        module.AddContract<NotificationsSettingsGrpcService>();
        module.AddJob<DeliveryJob>();
        // A followed store's new products: collected per store window, told to its followers when the window closes.
        module.Services.AddContractClient<SellersFollowers.SellersFollowersClient>("Sellers");
        module.AddEventConsumer<CollectPublishedProduct, ProductPublished>();
        module.AddJob<FollowerDigestJob>();
        foreach (var rule in NotificationRules.All)
            rule.Declare(module);
    }
}
