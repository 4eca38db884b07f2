using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// One module's part of the gateway (<c>src/Gateway/Marketplace.Gateway/&lt;Module&gt;/&lt;Module&gt;Area.cs</c>): it registers
/// the module's contract clients, its schema contributions, node resolvers, extensions of other areas' types and any
/// generic graph types. The gateway finds every area in its assembly, so adding a module edits no central file.
/// </summary>
public interface IGatewayArea
{
    void Register(IServiceCollection services);
}

internal static class GatewayAreas
{
    /// <summary>Every area of the gateway assembly, in a stable order (by name), registered once.</summary>
    public static void RegisterAll(IServiceCollection services)
    {
        var areas = typeof(GatewayAssembly).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGatewayArea).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var area in areas)
            ((IGatewayArea)Activator.CreateInstance(area)!).Register(services);
    }
}
