using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Modules.Users.SigningKeys;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Users;

/// <summary>The Users module's entry type: everything the host needs to load it.</summary>
public sealed class UsersModule : IModule
{
    public string Name => "Users";

    public string Schema => UsersDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        module.AddDbContext<UsersDbContext>();
        module.Services.TryAddSingleton(TimeProvider.System);
        module.Services.AddScoped<SigningKeyStore>();
        module.AddContract<UsersContractService>();
    }
}
