using Marketplace.Testing;

namespace Marketplace.Notifications.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task A_broken_template_stops_the_host_at_startup_with_one_line_naming_it()
    {
        var templates = Directory.CreateTempSubdirectory("templates-");
        try
        {
            Directory.CreateDirectory(Path.Combine(templates.FullName, "seller_welcome"));
            await File.WriteAllTextAsync(Path.Combine(templates.FullName, "seller_welcome", "en.html"), "<p>Hello\n{{ displayNam }}</p>");

            var result = await HostProcess.RunAsync(["migrate"], new Dictionary<string, string?>
            {
                ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
                ["ConnectionStrings__Redis"] = TestServices.Redis,
                ["ConnectionStrings__Nats"] = TestServices.Nats,
                ["Modules__Notifications__TemplatesPath"] = templates.FullName,
            });

            result.ExitCode.Should().Be(2);
            var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Should().ContainSingle().Which.Should()
                .Contain("Modules:Notifications:TemplatesPath").And
                .Contain("seller_welcome/en.html").And
                .Contain("unknown variable {{displayNam}} on line 2");
        }
        finally
        {
            templates.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Plain_SMTP_to_a_remote_server_is_refused_at_startup()
    {
        var result = await HostProcess.RunAsync(["migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
            ["ConnectionStrings__Redis"] = TestServices.Redis,
            ["ConnectionStrings__Nats"] = TestServices.Nats,
            ["Modules__Notifications__Email__Host"] = "smtp.example.com",
            ["Modules__Notifications__Email__Port"] = "25",
            ["Modules__Notifications__Email__Security"] = "None",
        });

        result.ExitCode.Should().Be(2);
        result.StandardError.Should().Contain("Modules:Notifications:Email:Security").And.Contain("only for a development server on loopback");
    }
}
