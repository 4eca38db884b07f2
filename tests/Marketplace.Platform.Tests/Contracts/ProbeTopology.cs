using System.Net;
using Marketplace.Platform.Tests.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>
/// One way of reaching the probe module's contract, set up exactly as the host does it: the module system
/// loads the module, and <see cref="ContractChannels"/> hands the generated client its invoker.
/// </summary>
public interface IProbeTopology : IAsyncDisposable
{
    ProbeContract.ProbeContractClient Client { get; }

    ProbeState ServerState { get; }

    bool OverSocket { get; }
}

/// <summary>The module is loaded in this process; calls go through the in-process invoker.</summary>
public sealed class InProcessTopology : IProbeTopology
{
    private readonly ServiceProvider _services;

    public InProcessTopology(bool detailedErrors = false)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(new ContractOptions { DetailedErrors = detailedErrors });
        services.AddModules(configuration, [new ProbeModule()]);
        services.AddContractClient<ProbeContract.ProbeContractClient>("Probe");
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public ProbeContract.ProbeContractClient Client => _services.GetRequiredService<ProbeContract.ProbeContractClient>();

    public ProbeState ServerState => _services.GetRequiredService<ProbeState>();

    public bool OverSocket => false;

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>
/// The module runs in a server process (Kestrel, HTTP/2 on a loopback port) that serves its contract; the client
/// process has <c>Modules:Probe:Endpoint</c> set, so the same generated client goes over a real GrpcChannel.
/// </summary>
public sealed class OverGrpcTopology : IProbeTopology
{
    private readonly WebApplication _server;
    private readonly ServiceProvider _client;

    private OverGrpcTopology(WebApplication server, ServiceProvider client)
    {
        _server = server;
        _client = client;
    }

    public ProbeContract.ProbeContractClient Client => _client.GetRequiredService<ProbeContract.ProbeContractClient>();

    public ProbeState ServerState => _server.Services.GetRequiredService<ProbeState>();

    public bool OverSocket => true;

    public static async Task<OverGrpcTopology> StartAsync(bool detailedErrors = false, string? serverToken = null, string? clientToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        var serverOptions = new ContractOptions { DetailedErrors = detailedErrors, ServiceToken = serverToken };
        builder.Services.AddSingleton(serverOptions);
        var registry = builder.Services.AddModules(builder.Configuration, [new ProbeModule()]);
        builder.Services.AddContractServer(serverOptions);
        var server = builder.Build();
        server.MapContracts(registry.Modules.SelectMany(m => m.Contracts));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Modules:Probe:Endpoint"] = address })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions { ServiceToken = clientToken });
        var clientRegistry = services.AddModules(configuration, [new ProbeModule()]);
        clientRegistry.IsLoaded("Probe").Should().BeFalse("a module with an endpoint runs elsewhere");
        services.AddContractClient<ProbeContract.ProbeContractClient>("Probe");
        return new OverGrpcTopology(server, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
