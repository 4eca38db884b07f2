using Marketplace.Modules.Ordering.Contracts.Events;
using Marketplace.Modules.Sellers.Events;
using Marketplace.Modules.Sellers.GrpcServices;
using Marketplace.Modules.Sellers.Jobs;
using Marketplace.Modules.Sellers.Payouts;
using Marketplace.Modules.Sellers.Payouts.Providers;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Sellers;

/// <summary>The Sellers module's entry type: everything the host needs to load it.</summary>
public sealed class SellersModule : IModule
{
    internal const string ModuleName = "Sellers";

    public string Name => ModuleName;

    public string Schema => SellersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<SellersDbContext>(spatial: true);
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddScoped<StoreViews>();
        module.Services.AddContractClient<UsersAuth.UsersAuthClient>("Users");
        module.AddContract<SellersStoresGrpcService>();
        module.AddContract<SellersFollowersGrpcService>();
        module.AddSeeder<DemoData.SellersDemoData>();

        // The payout ledger and payouts (docs/payouts.md).
        var payouts = module.Settings.GetSection("Payouts").Get<PayoutsOptions>() ?? new PayoutsOptions();
        PayoutsValidation.Check(payouts);
        module.Services.AddSingleton(payouts);
        module.Services.AddScoped<OrderPostings>();
        module.Services.AddSingleton<StripePayoutProvider>();
        module.AddContract<SellersPayoutsGrpcService>();
        module.AddEventConsumer<RecordOrderInLedger, OrderStatusChanged>();
        module.AddRecurringJob<PayoutRunJob>(PayoutRunJob.RecurringId, payouts.Cron, job => job.RunAsync());
    }
}
