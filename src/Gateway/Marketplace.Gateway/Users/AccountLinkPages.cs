using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Gateway.Users;

/// <summary>
/// <c>/verify-email</c> and <c>/reset-password</c>: where the links in account emails lead
/// (<c>Modules:Users:PublicBaseUrl</c>, the host itself unless set), so that a link opened from maildev completes the
/// action. Mapped in Development only: elsewhere the client app owns those URLs. Each page is static HTML with our
/// own script (Pages/account-link.js), which calls <c>sellerEmailVerify</c> / <c>passwordResetComplete</c> through
/// /graphql when the person presses the button (link scanners that fetch every URL in a mail change nothing). The
/// token never leaves for another origin: no external resource, <c>Referrer-Policy: no-referrer</c>, and the script
/// drops it from the address bar.
/// </summary>
internal static class AccountLinkPages
{
    public const string ScriptPath = "/account/account-link.js";

    private const string Style = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5}"
        + "label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.4rem;font-size:1rem}"
        + "button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}.ok{color:#0a6b2d}.error{color:#b00020}";

    // The page's one inline style, allowed by its hash (no 'unsafe-inline').
    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'sha256-{StyleHash}'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static void Map(WebApplication app)
    {
        app.MapGet("/verify-email", (HttpContext http) => WritePageAsync(http, "verify-email", "Verify your email address", """
            <p>Confirm that this address is yours.</p>
            <form id="form"><button type="submit">Verify my email address</button></form>
            """));
        app.MapGet("/reset-password", (HttpContext http) => WritePageAsync(http, "reset-password", "Choose a new password", """
            <form id="form">
              <label for="password">New password (at least 10 characters)</label>
              <input id="password" type="password" autocomplete="new-password" required minlength="10" maxlength="128" />
              <label for="repeat">The same again</label>
              <input id="repeat" type="password" autocomplete="new-password" required />
              <button type="submit">Set the new password</button>
            </form>
            """));
        app.MapGet(ScriptPath, async (HttpContext http) =>
        {
            await using var script = typeof(AccountLinkPages).Assembly.GetManifestResourceStream("pages/account-link.js")!;
            http.Response.ContentType = "text/javascript; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await script.CopyToAsync(http.Response.Body, http.RequestAborted);
        });
    }

    private static Task WritePageAsync(HttpContext http, string page, string title, string body)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{title} · Marketplace</title>
              <style>{Style}</style>
            </head>
            <body data-page="{page}">
              <h1>{title}</h1>
              {body}
              <p id="result" role="status"></p>
              <script src="{ScriptPath}"></script>
            </body>
            </html>
            """, http.RequestAborted);
    }
}
