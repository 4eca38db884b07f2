using Marketplace.Shared.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Marketplace.Shared.Modules;

public static class ModuleLoader
{
    /// <summary>Comma-separated names of the modules this process runs; empty means all of them.</summary>
    public const string ModulesSetting = "Host:Modules";

    /// <summary>
    /// Registers every module that runs in this process: all of them, or those named in <c>Host:Modules</c>.
    /// A module whose <c>Modules:&lt;Name&gt;:Endpoint</c> is set runs elsewhere: it is not loaded, and its
    /// contract clients go over gRPC to that endpoint.
    /// </summary>
    public static ModuleRegistry AddModules(this IServiceCollection services, IConfiguration configuration, IEnumerable<IModule> modules)
    {
        var all = modules.ToList();
        var selected = (configuration[ModulesSetting] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = selected.Where(name => all.All(m => m.Name != name)).ToList();
        if (unknown.Count > 0)
            throw new ConfigurationException(ModulesSetting, configuration[ModulesSetting], $"no module named {string.Join(", ", unknown)}; known: {string.Join(", ", all.Select(m => m.Name))}");

        var loaded = new List<LoadedModule>();
        foreach (var module in all)
        {
            if (loaded.Any(m => m.Name == module.Name || m.Schema == module.Schema))
                throw new InvalidOperationException($"Module {module.Name} (schema {module.Schema}) is listed twice.");
            if (!string.IsNullOrWhiteSpace(ContractChannels.EndpointOf(configuration, module.Name)))
            {
                var name = module.Name;
                services.AddHealthChecks().Add(new HealthCheckRegistration(
                    RemoteModuleHealthCheck.NameOf(name), sp => new RemoteModuleHealthCheck(name, sp.GetRequiredService<ContractChannels>()),
                    HealthStatus.Degraded, [RemoteModuleHealthCheck.Tag], TimeSpan.FromSeconds(3)));
                continue;
            }
            if (selected.Length > 0 && !selected.Contains(module.Name))
                continue;

            var builder = new ModuleBuilder(module, services, configuration);
            module.Register(builder);
            loaded.Add(builder.Module);
        }

        // Read now, so a wrong Contracts:* setting stops start-up rather than a first remote call.
        var remote = RemoteCallOptions.Load(configuration);
        var registry = new ModuleRegistry(loaded);
        services.AddSingleton(registry);
        services.TryAddSingleton<ContractMethodTable>();
        services.TryAddSingleton<InProcessCallInvoker>();
        services.TryAddSingleton(sp => new ContractChannels(
            configuration, registry, sp.GetRequiredService<InProcessCallInvoker>(), sp.GetRequiredService<ContractOptions>(), remote));
        return registry;
    }
}
