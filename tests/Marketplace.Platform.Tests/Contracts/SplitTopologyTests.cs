using System.Net;
using System.Text.Json;
using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>
/// The seed's topology from the same binary: one host process runs only the Users module and serves its contract
/// on a gRPC port; another runs the rest and reaches Users over gRPC because Modules:Users:Endpoint says so.
/// </summary>
public sealed class SplitTopologyTests
{
    private const string Token = "split-topology-test-token";

    [Fact]
    public async Task The_gateway_reaches_a_module_running_in_another_process()
    {
        var usersGrpcPort = HostProcess.FreePort();
        var usersHttpPort = HostProcess.FreePort();
        await using var users = HostProcess.Start([], Settings(new()
        {
            ["Host__Modules"] = "Users",
            ["Server__HttpPort"] = usersHttpPort.ToString(),
            ["Server__GrpcPort"] = usersGrpcPort.ToString(),
        }));
        using (var usersHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{usersHttpPort}") })
            await WaitUntilReadyAsync(usersHttp, users);
        var mainHttpPort = HostProcess.FreePort();
        await using var main = HostProcess.Start([], Settings(new()
        {
            ["Server__HttpPort"] = mainHttpPort.ToString(),
            ["Modules__Users__Endpoint"] = $"http://127.0.0.1:{usersGrpcPort}",
        }));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mainHttpPort}") };
        await WaitUntilReadyAsync(http, main, users);

        // JWKS is answered by the Users contract: here, over gRPC from the other process.
        var jwks = await http.GetAsync("/.well-known/jwks.json");

        jwks.StatusCode.Should().Be(HttpStatusCode.OK, main.Output);
        using var document = JsonDocument.Parse(await jwks.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("keys").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task With_the_module_elsewhere_and_unreachable_the_gateway_cannot_answer_for_it()
    {
        var mainHttpPort = HostProcess.FreePort();
        await using var main = HostProcess.Start([], Settings(new()
        {
            ["Server__HttpPort"] = mainHttpPort.ToString(),
            ["Modules__Users__Endpoint"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
        }));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{mainHttpPort}") };
        await WaitUntilReadyAsync(http, main);

        var jwks = await http.GetAsync("/.well-known/jwks.json");

        jwks.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "Users is not loaded in this process, so its keys can only come over gRPC");
    }

    [Fact]
    public async Task A_module_served_over_gRPC_refuses_a_caller_without_the_service_token_but_answers_health_probes()
    {
        var usersGrpcPort = HostProcess.FreePort();
        var usersHttpPort = HostProcess.FreePort();
        await using var users = HostProcess.Start([], Settings(new()
        {
            ["Host__Modules"] = "Users",
            ["Server__HttpPort"] = usersHttpPort.ToString(),
            ["Server__GrpcPort"] = usersGrpcPort.ToString(),
        }));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{usersHttpPort}") };
        await WaitUntilReadyAsync(http, users);

        var withToken = RemoteUsersClient(usersGrpcPort, Token);
        var withoutToken = RemoteUsersClient(usersGrpcPort, serviceToken: null);

        (await withToken.GetSigningKeysAsync(new GetSigningKeysRequest())).Should().NotBeNull();
        var refused = async () => await withoutToken.GetSigningKeysAsync(new GetSigningKeysRequest());
        (await refused.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unauthenticated);
        // The standard health service answers probes that carry no token (it tells only up or down).
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress($"http://127.0.0.1:{usersGrpcPort}");
        var health = await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        health.Status.Should().Be(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
    }

    private static UsersSigningKeys.UsersSigningKeysClient RemoteUsersClient(int port, string? serviceToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Modules:Users:Endpoint"] = $"http://127.0.0.1:{port}" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions { ServiceToken = serviceToken });
        services.AddModules(configuration, []);
        services.AddContractClient<UsersSigningKeys.UsersSigningKeysClient>("Users");
        return services.BuildServiceProvider().GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
            ["Server__HttpPort"] = HostProcess.FreePort().ToString(),
            ["Server__BindAddress"] = "127.0.0.1",
            ["Contracts__ServiceToken"] = Token,
            ["Database__MigrateOnStart"] = "true",
        };
        foreach (var (key, value) in overrides)
            settings[key] = value;
        return settings;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, params HostProcess.Running[] processes)
    {
        await Eventually.AssertAsync(
            async () =>
            {
                if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
                    throw new InvalidOperationException($"A host exited early: {exited.Output}");
                try
                {
                    return (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60),
            "the hosts start");
    }
}
