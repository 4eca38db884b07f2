using Marketplace.Testing;
using Marketplace.Users.Tests.Support;

namespace Marketplace.Users.Tests;

public sealed class AdminTests(UsersApp app)
{
    private const string Password = "an operator's long passphrase";
    private readonly HttpClient _client = app.CreateClient();

    private static Dictionary<string, string?> Environment(string? password) => new()
    {
        ["ConnectionStrings__Marketplace"] = TestServices.Postgres,
        ["ConnectionStrings__Redis"] = TestServices.Redis,
        ["ConnectionStrings__Nats"] = TestServices.Nats,
        ["MARKETPLACE_ADMIN_PASSWORD"] = password,
    };

    [Fact]
    public async Task Create_admin_command_makes_an_ADMIN_who_signs_in_with_email_and_password()
    {
        var email = Gql.NewEmail("admin");

        var result = await HostProcess.RunAsync(["create-admin", email], Environment(Password), TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(0, result.StandardError);
        result.StandardOutput.Should().NotContain(Password);
        var login = await _client.LoginSellerAsync(email, Password);
        login.Codes().Should().BeEmpty();
        login["viewer"].Text("role").Should().Be("ADMIN");
    }

    [Fact]
    public async Task Create_admin_refuses_a_weak_password_and_creates_nothing()
    {
        var email = Gql.NewEmail("admin");

        var result = await HostProcess.RunAsync(["create-admin", email], Environment("short"), TimeSpan.FromSeconds(60));

        result.ExitCode.Should().Be(1);
        result.StandardError.Should().Contain("PASSWORD_TOO_SHORT");
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE email = $1", email)).Should().Be(0);
    }
}
