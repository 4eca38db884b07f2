using Grpc.Core;
using Marketplace.Modules.Users.Contracts.V1;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Gateway.Users;

/// <summary>
/// <c>GET /dev/sms[?phone=+44…]</c>, mapped in Development only: the messages the Users module's development SMS
/// sender kept, newest first, so someone trying the API locally can read their sign-in code.
/// </summary>
internal static class DevelopmentSmsEndpoint
{
    public static async Task HandleAsync(HttpContext http, UsersAuth.UsersAuthClient users, string? phone)
    {
        try
        {
            var answer = await users.ListDevelopmentSmsAsync(new ListDevelopmentSmsRequest { Phone = phone ?? "" }, cancellationToken: http.RequestAborted);
            await http.Response.WriteAsJsonAsync(new
            {
                messages = answer.Messages.Select(m => new { to = m.To, body = m.Body, sentAt = DateTimeOffset.FromUnixTimeMilliseconds(m.SentAtMs) }),
            }, http.RequestAborted);
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Unimplemented)
        {
            // The SMS provider is a real one (or the module runs elsewhere outside Development): nothing kept here.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
