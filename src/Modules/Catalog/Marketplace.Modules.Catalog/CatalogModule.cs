using Marketplace.Modules.Catalog.Persistence;
using Marketplace.Shared.Modules;

namespace Marketplace.Modules.Catalog;

/// <summary>The Catalog module's entry type: everything the host needs to load it.</summary>
public sealed class CatalogModule : IModule
{
    public string Name => "Catalog";

    public string Schema => CatalogDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<CatalogDbContext>(spatial: true);
    }
}
