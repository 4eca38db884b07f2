using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Inventory.Events;
using Marketplace.Modules.Inventory.GrpcServices;
using Marketplace.Modules.Inventory.Jobs;
using Marketplace.Modules.Inventory.Persistence;
using Marketplace.Modules.Inventory.Reservations;
using Marketplace.Modules.Inventory.Reservations.Reserve;
using Marketplace.Modules.Inventory.Stock;
using Marketplace.Modules.Inventory.Variants;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Shared.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Inventory;

/// <summary>The Inventory module's entry type: everything the host needs to load it (docs/inventory.md).</summary>
public sealed class InventoryModule : IModule
{
    internal const string ModuleName = "Inventory";

    public string Name => ModuleName;

    public string Schema => InventoryDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        var options = module.Settings.Get<InventoryOptions>() ?? new InventoryOptions();
        module.AddDbContext<InventoryDbContext>();
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddSingleton(options);
        module.Services.AddSingleton<ReservationGate>();
        module.Services.AddSingleton<IAdmissionGate<ReserveCommand>>(sp => sp.GetRequiredService<ReservationGate>());
        module.Services.AddScoped<StockLedger>();
        module.Services.AddScoped<SellerStock>();
        module.Services.AddScoped<OperationKeys>();
        module.Services.AddScoped<VariantDirectory>();
        module.Services.AddContractClient<CatalogProducts.CatalogProductsClient>("Catalog");
        module.Services.AddContractClient<SellersStores.SellersStoresClient>("Sellers");
        module.AddContract<InventoryStockGrpcService>();
        module.AddContract<InventoryReservationsGrpcService>();
        module.AddSeeder<DemoData.InventoryDemoData>();

        // The local copy of variants (product, store, seller, SKU): every product event re-reads the product.
        module.AddEventConsumer<CopyProductVariants, ProductPublished>()
            .AddEventConsumer<CopyProductVariants, ProductUpdated>()
            .AddEventConsumer<CopyProductVariants, ProductArchived>();

        module.AddRecurringJob<ExpireHoldsJob>(ExpireHoldsJob.RecurringId, options.Sweeper.Cron, job => job.RunAsync());
        module.AddRecurringJob<ReconcileCountersJob>(ReconcileCountersJob.RecurringId, options.Reconciliation.Cron, job => job.RunAsync());
    }
}
