using Marketplace.Gateway.Errors;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
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
        // "?phone=+44…" as people type it: the query string decodes that '+' to a space. A phone never starts with one.
        if (phone is [' ', ..])
            phone = "+" + phone.TrimStart();
        var answer = await ContractCalls.OrNullAsync(async () =>
            await users.ListDevelopmentSmsAsync(new ListDevelopmentSmsRequest { Phone = phone ?? "" }, cancellationToken: http.RequestAborted));
        if (answer is null)
        {
            // The SMS provider is a real one (or the module runs outside Development): nothing is kept.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await http.Response.WriteAsJsonAsync(new
        {
            messages = answer.Messages.Select(m => new { to = m.To, body = m.Body, sentAt = Timestamps.Parse(m.SentAt) }),
        }, http.RequestAborted);
    }
}
