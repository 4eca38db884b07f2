using Marketplace.Gateway.Errors;
using Marketplace.Modules.Notifications.Contracts.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// <c>/notifications/unsubscribe</c>, the target of the <c>List-Unsubscribe</c> header and the link in non-essential
/// email. POST (mail clients' one-click, RFC 8058, or the page's button) switches the category off; GET only shows a
/// button, because link scanners fetch every URL in a mail and must not unsubscribe anyone.
/// </summary>
internal static class UnsubscribeEndpoint
{
    public const string Path = "/notifications/unsubscribe";

    public static void Map(WebApplication app)
    {
        app.MapGet(Path, (HttpContext http) => Results.Content(
            "<!doctype html><html><body><form method=\"post\"><p>Stop these emails?</p><button type=\"submit\">Unsubscribe</button></form></body></html>",
            "text/html; charset=utf-8"));
        app.MapPost(Path, async (HttpContext http) =>
        {
            var q = http.Request.Query;
            var settings = http.RequestServices.GetRequiredService<NotificationsSettings.NotificationsSettingsClient>();
            var request = new UnsubscribeByLinkRequest { User = q["u"].ToString(), Channel = q["ch"].ToString(), Category = q["c"].ToString(), Signature = q["s"].ToString() };
            // A link that does not verify (forged, altered, or for account mail) is refused by the module.
            var done = await ContractCalls.OrNullWhenRefusedAsync(async () => await settings.UnsubscribeByLinkAsync(request, cancellationToken: http.RequestAborted));
            return done is null
                ? Results.Content("<!doctype html><html><body><p>This unsubscribe link is not valid.</p></body></html>", "text/html; charset=utf-8", statusCode: 400)
                : Results.Content($"<!doctype html><html><body><p>Unsubscribed from {done.Category.ToLowerInvariant().Replace('_', ' ')} notifications by {done.Channel.ToLowerInvariant().Replace('_', '-')}.</p></body></html>", "text/html; charset=utf-8");
        }).DisableAntiforgery();
    }
}
