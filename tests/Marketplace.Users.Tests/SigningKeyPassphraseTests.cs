using Marketplace.Testing;

namespace Marketplace.Users.Tests;

/// <summary>Private signing keys are never stored in clear outside Development: the host refuses to start without a passphrase.</summary>
public sealed class SigningKeyPassphraseTests
{
    private static Dictionary<string, string?> Environment(string environment) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environment,
        ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
        ["ConnectionStrings__Redis"] = TestServices.Redis,
        ["ConnectionStrings__Nats"] = TestServices.Nats,
        ["Modules__Users__SigningKeyPassphrase"] = "",
    };

    [Fact]
    public async Task Production_without_a_signing_key_passphrase_stops_with_one_line_and_exit_code_2()
    {
        var result = await HostProcess.RunAsync(["migrate"], Environment("Production"), TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(2, result.StandardOutput + result.StandardError);
        result.StandardError.Should().Contain("Modules:Users:SigningKeyPassphrase").And.Contain("required outside Development");
    }

    [Fact]
    public async Task Development_starts_without_one()
    {
        var result = await HostProcess.RunAsync(["migrate"], Environment("Development"), TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(0, result.StandardError);
    }
}
