using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Following;
using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Modules.Sellers.Stores;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Sellers;

/// <summary>The Sellers module's entry type: everything the host needs to load it.</summary>
public sealed class SellersModule : IModule
{
    public string Name => "Sellers";

    public string Schema => SellersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<SellersDbContext>(spatial: true);
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddScoped<StoreDirectory>();
        module.Services.AddScoped<StoreEditor>();
        module.Services.AddScoped<StoreFollows>();
        module.Services.AddContractClient<UsersAuth.UsersAuthClient>("Users");
        module.AddContract<SellersContractService>();
        module.AddSeeder<DemoData.SellersDemoData>();
    }
}
