using Marketplace.Testing;

namespace Marketplace.Platform.Tests.Operations;

/// <summary>
/// A wrong setting or an unreachable service stops the host at start-up with one line naming the setting and
/// value, and a non-zero exit code: no wall of stack trace.
/// </summary>
public sealed class FailFastTests
{
    [Fact]
    public async Task Unreachable_PostgreSQL_names_the_setting_and_address()
    {
        var port = HostProcess.FreePort();

        var result = await Serve(new() { ["ConnectionStrings__Marketplace"] = $"Host=127.0.0.1;Port={port};Database=nowhere;Username=u;Password=p" });

        result.ExitCode.Should().Be(3);
        OneLine(result.StandardError).Should().Contain("PostgreSQL").And.Contain($"127.0.0.1:{port}").And.Contain("ConnectionStrings:Marketplace");
    }

    [Fact]
    public async Task Unreachable_Redis_names_the_setting_and_address()
    {
        var port = HostProcess.FreePort();

        var result = await Serve(new() { ["ConnectionStrings__Redis"] = $"127.0.0.1:{port}" });

        result.ExitCode.Should().Be(3);
        OneLine(result.StandardError).Should().Contain("Redis").And.Contain($"127.0.0.1:{port}").And.Contain("ConnectionStrings:Redis");
    }

    [Fact]
    public async Task Unreachable_NATS_names_the_setting_and_address()
    {
        var port = HostProcess.FreePort();

        var result = await Serve(new() { ["ConnectionStrings__Nats"] = $"nats://127.0.0.1:{port}" });

        result.ExitCode.Should().Be(3);
        OneLine(result.StandardError).Should().Contain("NATS").And.Contain($"127.0.0.1:{port}").And.Contain("ConnectionStrings:Nats");
    }

    [Fact]
    public async Task A_missing_setting_is_named()
    {
        var result = await Serve(new() { ["ConnectionStrings__Redis"] = "" });

        result.ExitCode.Should().Be(2);
        OneLine(result.StandardError).Should().Contain("ConnectionStrings:Redis is missing");
    }

    [Theory]
    [InlineData("Server__HttpPort", "eighty", "Server:HttpPort = 'eighty' is invalid")]
    [InlineData("Server__GrpcPort", "70000", "Server:GrpcPort = '70000' is invalid")]
    [InlineData("Server__BindAddress", "not-an-ip", "Server:BindAddress = 'not-an-ip' is invalid")]
    [InlineData("ConnectionStrings__Nats", "localhost:4222", "ConnectionStrings:Nats = 'localhost:4222' is invalid")]
    [InlineData("Gateway__TrustedProxies__0", "not-an-address", "Gateway:TrustedProxies = 'not-an-address' is invalid")]
    [InlineData("Gateway__AllowedOrigins__0", "https://shop.example.test/path", "Gateway:AllowedOrigins = 'https://shop.example.test/path' is invalid")]
    public async Task An_invalid_setting_is_named_with_its_value(string variable, string value, string expected)
    {
        var result = await Serve(new() { [variable] = value });

        result.ExitCode.Should().Be(2);
        OneLine(result.StandardError).Should().Contain(expected);
    }

    [Fact]
    public async Task Serving_contracts_over_gRPC_in_production_needs_a_service_token()
    {
        var result = await Serve(new() { ["Server__GrpcPort"] = HostProcess.FreePort().ToString() });

        result.ExitCode.Should().Be(2);
        OneLine(result.StandardError).Should().Contain("Contracts:ServiceToken is missing");
    }

    private static Task<HostProcess.Result> Serve(Dictionary<string, string?> overrides)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
            ["Server__HttpPort"] = HostProcess.FreePort().ToString(),
            ["Server__BindAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in overrides)
            environment[key] = value;
        return HostProcess.RunAsync([], environment, TimeSpan.FromSeconds(45));
    }

    // Exactly one line, and nothing that looks like a stack trace.
    private static string OneLine(string standardError)
    {
        var lines = standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().ContainSingle(because: $"the error is one line, not a wall: {standardError}");
        lines[0].Should().StartWith("marketplace: cannot start: ").And.NotMatchRegex(@"\bat [\w.`<>]+\.[\w`<>]+\(", "no stack frame");
        return lines[0];
    }
}
