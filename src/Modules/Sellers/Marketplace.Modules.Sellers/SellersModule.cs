using Marketplace.Modules.Sellers.Persistence;
using Marketplace.Shared.Modules;

namespace Marketplace.Modules.Sellers;

/// <summary>The Sellers module's entry type: everything the host needs to load it.</summary>
public sealed class SellersModule : IModule
{
    public string Name => "Sellers";

    public string Schema => SellersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<SellersDbContext>(spatial: true);
    }
}
