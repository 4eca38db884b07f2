using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Shared.Contracts;

/// <summary>
/// Chooses, per module, how its contract is reached: in process when the module is loaded here, over a real
/// <see cref="GrpcChannel"/> when <c>Modules:&lt;Name&gt;:Endpoint</c> is set. Generated clients never know which.
/// </summary>
public sealed class ContractChannels(
    IConfiguration configuration,
    ModuleRegistry modules,
    InProcessCallInvoker inProcess,
    ContractOptions options,
    RemoteCallOptions remote) : IDisposable
{
    private readonly ConcurrentDictionary<string, CallInvoker> _invokers = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<GrpcChannel> _channels = [];

    public static string? EndpointOf(IConfiguration configuration, string module) => configuration[$"Modules:{module}:Endpoint"];

    public CallInvoker InvokerFor(string module) => _invokers.GetOrAdd(module, Create);

    private CallInvoker Create(string module)
    {
        var endpoint = EndpointOf(configuration, module);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Modules:{module}:Endpoint must be an http(s) URL, not '{endpoint}'.");
            var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                // A module process that restarts is called again within seconds, not after minutes of backoff.
                InitialReconnectBackoff = TimeSpan.FromMilliseconds(250),
                MaxReconnectBackoff = TimeSpan.FromSeconds(3),
                HttpHandler = new SocketsHttpHandler
                {
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                    KeepAlivePingDelay = TimeSpan.FromSeconds(60),
                    KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
                },
            });
            _channels.Add(channel);
            // Outermost first: deadlines, read retries and clear errors, then each attempt's metadata.
            return channel.Intercept(new OutgoingCallContextInterceptor(options.ServiceToken)).Intercept(new RemoteCallInterceptor(module, remote));
        }

        if (modules.IsLoaded(module))
            return inProcess.Intercept(new OutgoingCallContextInterceptor(serviceToken: null));

        throw new InvalidOperationException(
            $"Module {module} is not loaded in this process and Modules:{module}:Endpoint is not set: nothing can serve its contract.");
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
            channel.Dispose();
    }
}

public static class ContractServiceCollectionExtensions
{
    /// <summary>
    /// Registers a generated gRPC client for <paramref name="module"/>'s contract. Callers (the gateway, other
    /// modules) inject the client and never learn whether the module runs here or in another process.
    /// </summary>
    public static IServiceCollection AddContractClient<TClient>(this IServiceCollection services, string module)
        where TClient : ClientBase<TClient>
    {
        services.TryAddSingleton(sp =>
            (TClient)Activator.CreateInstance(typeof(TClient), sp.GetRequiredService<ContractChannels>().InvokerFor(module))!);
        return services;
    }
}
