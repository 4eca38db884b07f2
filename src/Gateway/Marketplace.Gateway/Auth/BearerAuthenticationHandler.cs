using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Marketplace.Gateway.Auth;

/// <summary>
/// The gateway's access-token check as an ASP.NET Core authentication scheme, for the HTTP endpoints that are
/// not GraphQL (the jobs dashboard at <c>/jobs</c>): the same <see cref="TokenAuthenticator"/>, the same rules,
/// roles as <see cref="ClaimTypes.Role"/> claims.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenAuthenticator tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();

        Authentication result;
        try
        {
            result = await tokens.AuthenticateHeaderAsync(header, Context.RequestAborted);
        }
        catch (Grpc.Core.RpcException exception) when (exception.StatusCode is not Grpc.Core.StatusCode.Cancelled)
        {
            // Signing keys cannot be fetched: the token can be neither accepted nor refused, so nobody is signed in.
            return AuthenticateResult.Fail("signing keys are unavailable");
        }

        if (result.Failed || result.Caller.Id is null)
            return AuthenticateResult.Fail(result.Failure ?? "no subject");

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, result.Caller.Id) };
        claims.AddRange(result.Caller.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (result.Caller.SessionId is { } session)
            claims.Add(new Claim("sid", session));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
