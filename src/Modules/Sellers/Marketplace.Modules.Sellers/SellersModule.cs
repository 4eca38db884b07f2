using Marketplace.Modules.Sellers.GrpcServices;
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
        module.Services.AddScoped<StoreViews>();
        module.Services.AddContractClient<UsersAuth.UsersAuthClient>("Users");
        module.AddContract<SellersStoresGrpcService>();
        module.AddContract<SellersFollowersGrpcService>();
        module.AddSeeder<DemoData.SellersDemoData>();
    }
}
