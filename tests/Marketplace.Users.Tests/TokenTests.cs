using System.Net.Http.Json;
using System.Text.Json;
using Marketplace.Users.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Users.Tests;

public sealed class TokenTests(UsersApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Access_token_verifies_with_an_independent_validator_and_the_published_JWKS()
    {
        var signedIn = await _client.SignInBuyerAsync();
        var jwks = new JsonWebKeySet(await _client.GetStringAsync("/.well-known/jwks.json"));
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };

        var result = await handler.ValidateTokenAsync(signedIn.Text("accessToken"), new TokenValidationParameters
        {
            ValidIssuer = "marketplace",
            ValidAudience = "marketplace-api",
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            IssuerSigningKeys = jwks.GetSigningKeys(),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });

        result.IsValid.Should().BeTrue(result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        token.Alg.Should().Be("ES256");
        token.Typ.Should().Be("at+jwt");
        jwks.Keys.Select(k => k.Kid).Should().Contain(token.Kid);
        token.Subject.Should().Be(signedIn["viewer"].Text("userId"));
        token.GetPayloadValue<string>("sid").Should().Be(signedIn["viewer"].Text("sessionId"));
        token.GetPayloadValue<JsonElement>("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("BUYER");
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromMinutes(15));
        signedIn["accessTokenExpiresIn"]!.GetValue<int>().Should().Be(900);
    }

    [Fact]
    public async Task The_gateway_accepts_an_issued_token_as_the_viewer()
    {
        var signedIn = await _client.SignInBuyerAsync();

        var viewer = (await _client.SendAsync("{ viewer { userId role phone sessionId } }", token: signedIn.Text("accessToken")))["data"]!["viewer"]!;

        viewer.Text("userId").Should().Be(signedIn["viewer"].Text("userId"));
        viewer.Text("role").Should().Be("BUYER");
        viewer.Text("phone").Should().Be(signedIn["viewer"].Text("phone"));
    }
}
