using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Users.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Users.Tests;

public sealed class DemoDataTests(UsersApp app)
{
    [Fact]
    public async Task Demo_data_gives_a_newcomer_a_buyer_and_a_verified_seller_to_sign_in_as()
    {
        // Runs the module's seeders twice, as `seed` would: they are idempotent.
        for (var run = 0; run < 2; run++)
        {
            var module = app.Services.GetRequiredService<ModuleRegistry>().Modules.Single(m => m.Name == "Users");
            foreach (var seederType in module.Seeders)
            {
                await using var scope = app.Services.CreateAsyncScope();
                using var context = CallContext.Push(new CallContext(Caller.Service("Users"), CallContext.NewCorrelationId()));
                await ((IModuleSeeder)scope.ServiceProvider.GetRequiredService(seederType)).SeedAsync(CancellationToken.None);
            }
        }

        var client = app.CreateClient();
        (await Database.CountAsync("SELECT count(*) FROM users.users WHERE phone IN ('+447911123456', '+447911123457')")).Should().Be(2);
        // Both live in central Lisbon among the demo stores (within 2 km of the Avenida da Liberdade the docs search from).
        (await Database.CountAsync(
            "SELECT count(*) FROM users.addresses a JOIN users.users u ON u.id = a.user_id WHERE u.phone IN ('+447911123456', '+447911123457') "
            + "AND a.is_default AND a.city = 'Lisboa' AND a.country = 'PT' AND abs(a.latitude - 38.7223) < 0.02 AND abs(a.longitude + 9.1393) < 0.02")).Should().Be(2);
        var seller = await client.LoginSellerAsync("seller@example.com", "demo-seller-passphrase");
        seller.Codes().Should().BeEmpty();
        seller["viewer"]!["emailVerified"]!.GetValue<bool>().Should().BeTrue();
        // Every run of the suite tries this account, and its failures count: start from none (the row a success would clear).
        await Database.ScalarAsync<object>("DELETE FROM users.auth_throttles WHERE subject IN ($1, $2)",
            ThrottleKey("account", "unverified.seller@example.com"), ThrottleKey("account-client", "unverified.seller@example.com|"));
        (await client.LoginSellerAsync("unverified.seller@example.com", "demo-seller-passphrase")).Codes()
            .Should().Equal(["CREDENTIALS_INVALID"], "an unverified address does not sign in by password");
    }

    private static string ThrottleKey(string kind, string subject) =>
        $"{kind}:{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject)))[..48]}";
}
