using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Events;
using Marketplace.Modules.Catalog.GrpcServices;
using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Modules.Catalog.Products;
using Marketplace.Modules.Catalog.Search;
using Marketplace.Modules.Inventory.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Catalog;

/// <summary>The Catalog module's entry type: everything the host needs to load it.</summary>
public sealed class CatalogModule : IModule
{
    internal const string ModuleName = "Catalog";

    public string Name => ModuleName;

    public string Schema => CatalogDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<CatalogDbContext>(spatial: true);
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddContractClient<SellersStores.SellersStoresClient>("Sellers");
        module.Services.AddScoped<StoreAccess>();
        module.Services.AddScoped<ProductViews>();
        module.AddContract<CatalogTaxonomyGrpcService>();
        module.AddContract<CatalogProductsGrpcService>();
        module.AddSeeder<DemoData.CatalogDemoData>();

        // Search: the projection and its consumers (docs/catalog-search.md).
        var searchOptions = module.Settings.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        if (!SearchText.IsConfigurationName(searchOptions.TextConfiguration))
            throw new InvalidOperationException($"Modules:Catalog:Search:TextConfiguration '{searchOptions.TextConfiguration}' is not a text search configuration name.");
        module.Services.AddSingleton(searchOptions);
        // Search reads may go to a read replica of their own (docs/catalog-search.md, "Beyond one machine").
        var replica = module.Configuration.GetConnectionString("CatalogSearch");
        module.Services.AddSingleton(_ => new SearchReadSource(string.IsNullOrWhiteSpace(replica) ? null : Npgsql.NpgsqlDataSource.Create(replica)));
        module.Services.AddScoped<SearchProjection>();
        module.Services.AddScoped<ProductSearch>();
        module.Services.AddScoped<SearchReindexer>();
        module.AddContract<CatalogSearchGrpcService>();
        module.AddEventConsumer<ProjectProductChanges, ProductPublished>()
            .AddEventConsumer<ProjectProductChanges, ProductUpdated>()
            .AddEventConsumer<ProjectProductChanges, ProductArchived>()
            .AddEventConsumer<ProjectProductChanges, VariantPriceChanged>()
            .AddEventConsumer<ProjectCategoryChanges, CategoryChanged>()
            .AddEventConsumer<CopyStoreChanges, StoreCreated>()
            .AddEventConsumer<CopyStoreChanges, StoreUpdated>()
            .AddEventConsumer<ProjectStockChanges, StockChanged>()
            .AddEventConsumer<RunSearchReindex, SearchReindexRequested>()
            .AddEventConsumer<RunSearchReindex, SearchReindexBatchPlanned>()
            .AddEventConsumer<RunSearchReindex, SearchReindexBuilt>();
    }
}
