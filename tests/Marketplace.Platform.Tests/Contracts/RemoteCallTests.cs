using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Platform.Tests.Contracts;

/// <summary>Calls to a module in another process: which are retried, their deadlines, and the errors that name the module.</summary>
public sealed class RemoteCallTests
{
    [Theory]
    [InlineData("GetSigningKeys", true)]
    [InlineData("ListStoreOrders", true)]
    [InlineData("FindBuyerByPhone", true)]
    [InlineData("IsStoreOwner", true)]
    [InlineData("ProductsNear", true)]
    [InlineData("Isolate", false)]
    [InlineData("Getaway", false)]
    [InlineData("CompleteCheckout", false)]
    [InlineData("Reserve", false)]
    [InlineData("ValidateSession", false)]
    [InlineData("Logout", false)]
    public void Only_reads_are_retried(string name, bool retried) =>
        RemoteCallOptions.IsIdempotentRead(new Method<string, string>(MethodType.Unary, "marketplace.test.v1.Test", name, Marshaller, Marshaller)).Should().Be(retried);

    [Fact]
    public void A_streaming_read_is_never_retried() =>
        RemoteCallOptions.IsIdempotentRead(new Method<string, string>(MethodType.ServerStreaming, "marketplace.test.v1.Test", "ListFeed", Marshaller, Marshaller)).Should().BeFalse();

    [Fact]
    public void Deadlines_come_from_settings_per_method_by_full_or_short_name()
    {
        var options = RemoteCallOptions.Load(Configuration(new()
        {
            ["Contracts:Deadline"] = "00:00:03",
            ["Contracts:Deadlines:CompleteCheckout"] = "00:00:20",
            ["Contracts:Deadlines:marketplace.test.v1.Test/GetThing"] = "00:00:01",
        }));

        options.DeadlineFor(Unary("CompleteCheckout")).Should().Be(TimeSpan.FromSeconds(20));
        options.DeadlineFor(Unary("GetThing")).Should().Be(TimeSpan.FromSeconds(1));
        options.DeadlineFor(Unary("Reserve")).Should().Be(TimeSpan.FromSeconds(3));
        RemoteCallOptions.Load(Configuration([])).Deadline.Should().Be(RemoteCallOptions.DefaultDeadline);
    }

    [Theory]
    [InlineData("Contracts:Deadline", "soon")]
    [InlineData("Contracts:Deadline", "-00:00:01")]
    [InlineData("Contracts:Deadlines:Reserve", "")]
    [InlineData("Contracts:ReadRetries", "50")]
    public void A_wrong_setting_names_itself(string key, string value)
    {
        var load = () => RemoteCallOptions.Load(Configuration(new() { [key] = value }));

        load.Should().Throw<ConfigurationException>().Which.Setting.Should().Be(key);
    }

    [Fact]
    public async Task A_module_whose_process_is_not_there_fails_with_SERVICE_UNAVAILABLE_naming_it()
    {
        var client = UsersClient($"http://127.0.0.1:{HostProcess.FreePort()}", []);

        var call = async () => await client.GetSigningKeysAsync(new GetSigningKeysRequest());

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        (error.StatusCode, error.Reason(), error.Module()).Should().Be((StatusCode.Unavailable, ContractError.ServiceUnavailableReason, "Users"));
        error.Status.Detail.Should().Contain("Users");
    }

    [Fact]
    public async Task A_module_that_never_answers_fails_at_its_deadline_with_SERVICE_TIMEOUT()
    {
        // Accepts connections and says nothing: the HTTP/2 handshake never completes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var client = UsersClient($"http://127.0.0.1:{port}", new() { ["Contracts:Deadline"] = "00:00:00.500" });

        var call = async () => await client.RotateSigningKeyAsync(new RotateSigningKeyRequest());

        var error = (await call.Should().ThrowAsync<RpcException>()).Which;
        (error.StatusCode, error.Reason(), error.Module()).Should().Be((StatusCode.DeadlineExceeded, ContractError.ServiceTimeoutReason, "Users"));
    }

    private static readonly Marshaller<string> Marshaller = Marshallers.Create(System.Text.Encoding.UTF8.GetBytes, System.Text.Encoding.UTF8.GetString);

    private static Method<string, string> Unary(string name) => new(MethodType.Unary, "marketplace.test.v1.Test", name, Marshaller, Marshaller);

    private static IConfiguration Configuration(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static UsersSigningKeys.UsersSigningKeysClient UsersClient(string endpoint, Dictionary<string, string?> settings)
    {
        settings["Modules:Users:Endpoint"] = endpoint;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions { ServiceToken = "token" });
        services.AddModules(Configuration(settings), []);
        services.AddContractClient<UsersSigningKeys.UsersSigningKeysClient>("Users");
        return services.BuildServiceProvider().GetRequiredService<UsersSigningKeys.UsersSigningKeysClient>();
    }
}
