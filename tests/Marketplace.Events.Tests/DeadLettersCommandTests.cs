using System.Diagnostics;
using Marketplace.Testing;

namespace Marketplace.Events.Tests;

public sealed class DeadLettersCommandTests
{
    [Fact]
    public async Task The_dead_letters_command_lists_a_modules_parked_messages_and_explains_its_usage()
    {
        var database = await TestServices.CreateDatabaseAsync("deadletters");
        try
        {
            var settings = $"--ConnectionStrings:Marketplace={database}";
            (await HostAsync("migrate", settings)).ExitCode.Should().Be(0);

            var list = await HostAsync("dead-letters list Notifications", settings);
            var usage = await HostAsync("dead-letters replay", settings);
            var unknown = await HostAsync("dead-letters replay Nowhere", settings);

            list.ExitCode.Should().Be(0);
            list.Output.Should().Contain("0 dead letter(s) waiting in Notifications");
            usage.ExitCode.Should().Be(64);
            usage.Error.Should().Contain("usage: dead-letters list <Module> | dead-letters replay <Module> [dead-letter-id]");
            unknown.ExitCode.Should().Be(64);
            unknown.Error.Should().Contain("no loaded module named 'Nowhere'");
        }
        finally
        {
            await TestServices.DropDatabaseAsync(database);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> HostAsync(string command, string settings)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Marketplace.Host.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(host);
        foreach (var word in command.Split(' '))
            info.ArgumentList.Add(word);
        info.ArgumentList.Add(settings);
        info.ArgumentList.Add($"--ConnectionStrings:Redis={TestServices.Redis}");
        info.ArgumentList.Add($"--ConnectionStrings:Nats={TestServices.Nats}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Modules__Users__SigningKeyPassphrase"] = TestServices.SigningKeyPassphrase;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }
}
