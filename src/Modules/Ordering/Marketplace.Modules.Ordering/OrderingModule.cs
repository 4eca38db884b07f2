using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Modules.Ordering.Checkouts;
using Marketplace.Modules.Ordering.DemoData;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.GrpcServices;
using Marketplace.Modules.Ordering.Jobs;
using Marketplace.Modules.Ordering.Orders.Lifecycle;
using Marketplace.Modules.Ordering.Payments;
using Marketplace.Modules.Ordering.Persistence;
using Marketplace.Modules.Ordering.Pricing;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Ordering;

/// <summary>The Ordering module's entry type: carts, checkout, orders and their lifecycle (docs/ordering.md).</summary>
public sealed class OrderingModule : IModule
{
    internal const string ModuleName = "Ordering";

    public string Name => ModuleName;

    public string Schema => OrderingDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        var options = module.Settings.Get<OrderingOptions>() ?? new OrderingOptions();
        module.AddDbContext<OrderingDbContext>();
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddSingleton(options);
        module.Services.AddScoped<VariantCatalog>();
        module.Services.AddScoped<CheckoutPricing>();
        module.Services.AddScoped<StockHolds>();
        module.Services.AddSingleton<CrashPoints>();
        module.Services.AddScoped<OrderTransitions>();
        module.Services.AddScoped<OrderEffectRunner>();
        module.Services.AddSingleton<IPaymentProvider>(new OfflinePaymentProvider(PaymentMethods.PayOnDelivery));
        module.Services.AddSingleton<IPaymentProvider>(new OfflinePaymentProvider(PaymentMethods.PayAtPickup));
        module.Services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        module.Services.AddSingleton<PaymentProviders>();
        module.Services.AddHostedService<PaymentStartupLog>();
        module.Services.AddContractClient<CatalogProducts.CatalogProductsClient>("Catalog");
        module.Services.AddContractClient<SellersStores.SellersStoresClient>("Sellers");
        module.Services.AddContractClient<UsersProfiles.UsersProfilesClient>("Users");
        module.Services.AddContractClient<UsersAuth.UsersAuthClient>("Users");
        module.Services.AddContractClient<InventoryReservations.InventoryReservationsClient>("Inventory");
        module.AddContract<OrderingCartsGrpcService>();
        module.AddContract<OrderingCheckoutGrpcService>();
        module.AddContract<OrderingOrdersGrpcService>();
        module.AddContract<OrderingLifecycleGrpcService>();
        Live.OrderLive.Register(module);
        module.AddRecurringJob<RecoverCompletionsJob>(RecoverCompletionsJob.RecurringId, options.Recovery.Cron, job => job.RunAsync());
        module.AddRecurringJob<ExpireOrdersJob>(ExpireOrdersJob.RecurringId, options.Lifecycle.ExpiryCron, job => job.RunAsync());
        module.AddRecurringJob<CompleteOrdersJob>(CompleteOrdersJob.RecurringId, options.Lifecycle.CompletionCron, job => job.RunAsync());
        module.AddRecurringJob<OrderEffectsJob>(OrderEffectsJob.RecurringId, options.Lifecycle.EffectsCron, job => job.RunAsync());
        module.Services.AddHostedService<RecoverAtStart>();
        module.AddSeeder<OrderingDemoData>();
    }
}
