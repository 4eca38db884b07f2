using Marketplace.Platform.Tests.Contracts.V1;
using Marketplace.Shared;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>Which modules a process runs, and how it reaches the others, is configuration.</summary>
public sealed class TopologyTests
{
    [Fact]
    public void Every_module_is_loaded_by_default()
    {
        var registry = Load([]);

        registry.IsLoaded("Probe").Should().BeTrue();
    }

    [Fact]
    public void Host_Modules_selects_the_modules_this_process_runs()
    {
        var registry = Load(new() { ["Host:Modules"] = "Other" });

        registry.IsLoaded("Probe").Should().BeFalse();
        registry.IsLoaded("Other").Should().BeTrue();
    }

    [Fact]
    public void An_unknown_module_name_is_a_configuration_error()
    {
        var load = () => Load(new() { ["Host:Modules"] = "Probe, Nope" });

        load.Should().Throw<ConfigurationException>().Which.Message.Should().Contain("Host:Modules").And.Contain("Nope");
    }

    [Fact]
    public async Task A_module_neither_loaded_nor_given_an_endpoint_fails_clearly_on_first_use()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Host:Modules"] = "Other" }).Build();
        services.AddModules(configuration, [new ProbeModule(), new OtherModule()]);
        services.AddContractClient<ProbeContract.ProbeContractClient>("Probe");
        await using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<ProbeContract.ProbeContractClient>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*Module Probe is not loaded*Modules:Probe:Endpoint*");
    }

    [Fact]
    public void A_malformed_endpoint_is_named()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Modules:Probe:Endpoint"] = "users:9001" }).Build();
        services.AddModules(configuration, [new ProbeModule()]);
        services.AddContractClient<ProbeContract.ProbeContractClient>("Probe");
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<ProbeContract.ProbeContractClient>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*Modules:Probe:Endpoint must be an http(s) URL*");
    }

    private static ModuleRegistry Load(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddModules(configuration, [new ProbeModule(), new OtherModule()]);
    }

    private sealed class OtherModule : IModule
    {
        public string Name => "Other";

        public string Schema => "other";

        public void Register(ModuleBuilder module)
        {
        }
    }
}
