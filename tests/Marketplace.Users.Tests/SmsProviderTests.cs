using System.Collections.Concurrent;
using System.Text;
using Marketplace.Testing;
using Marketplace.Users.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Users.Tests;

/// <summary>The real SMS client against a local Twilio-compatible stand-in (Kestrel) that checks each request.</summary>
public sealed class SmsProviderTests : IAsyncLifetime
{
    private const string AccountSid = "AC-test-account";
    private const string AuthToken = "test-auth-token";
    private readonly ConcurrentQueue<(string Path, string? Authorization, IFormCollection Form)> _received = new();
    private WebApplication? _provider;
    private MarketplaceFactory? _app;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        _provider.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            _received.Enqueue((http.Request.Path.Value!, http.Request.Headers.Authorization.ToString(), form));
            http.Response.StatusCode = StatusCodes.Status201Created;
            await http.Response.WriteAsJsonAsync(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" });
        });
        await _provider.StartAsync();
        var address = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _app = new MarketplaceFactory()
            .With("Gateway:RateLimitPerIp", "0")
            .With("Modules:Users:Sms:Provider", "Http")
            .With("Modules:Users:Sms:BaseUrl", address)
            .With("Modules:Users:Sms:AccountSid", AccountSid)
            .With("Modules:Users:Sms:AuthToken", AuthToken)
            .With("Modules:Users:Sms:From", "+15005550006");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_provider is not null)
            await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Http_provider_receives_the_code_with_account_credentials_and_the_code_signs_in()
    {
        var client = _app!.CreateClient();
        var phone = Gql.NewPhone();

        (await client.RequestCodeAsync(phone))["codeSent"]!.GetValue<bool>().Should().BeTrue();

        var request = _received.Should().ContainSingle(r => r.Form["To"] == phone).Subject;
        request.Path.Should().Be($"/2010-04-01/Accounts/{AccountSid}/Messages.json");
        request.Authorization.Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}")));
        request.Form["From"].ToString().Should().Be("+15005550006");
        var code = Gql.CodeIn(request.Form["Body"].ToString());
        code.Should().HaveLength(6);
        (await client.VerifyCodeAsync(phone, code)).Codes().Should().BeEmpty();
    }

    [Fact]
    public async Task Development_inbox_is_not_served_when_a_real_provider_sends()
    {
        var response = await _app!.CreateClient().GetAsync("/dev/sms");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }
}
