using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Modules;

namespace Marketplace.Modules.Users;

/// <summary>The Users module's entry type: everything the host needs to load it.</summary>
public sealed class UsersModule : IModule
{
    public string Name => "Users";

    public string Schema => UsersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<UsersDbContext>();
    }
}
