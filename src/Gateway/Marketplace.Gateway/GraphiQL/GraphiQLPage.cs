using Microsoft.AspNetCore.Http;

namespace Marketplace.Gateway.Http;

/// <summary>
/// GraphiQL for browsers at /graphql. Its scripts are served from this assembly (vendored from npm, see
/// GraphiQL/assets/README.md): the page works offline and loads nothing from a CDN.
/// </summary>
internal static class GraphiQLPage
{
    public const string AssetPath = "/graphql/assets";

    public const string ContentSecurityPolicy =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'";

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Marketplace GraphiQL</title>
          <link rel="icon" href="/favicon.ico" />
          <link rel="stylesheet" href="/graphql/assets/graphiql.min.css" />
          <style>
            body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
            #hint { padding: 6px 12px; font-size: 13px; background: #fdf2fa; border-bottom: 1px solid #f0c8e4; }
            #hint code { background: #fff; padding: 0 4px; border-radius: 3px; }
            #graphiql { flex: 1; min-height: 0; }
          </style>
        </head>
        <body>
          <div id="hint">
            Marketplace API. The document below walks through the API from top to bottom. To sign in, run
            <code>RequestCode</code> and <code>SignIn</code> (the code is at <a href="/dev/sms" target="_blank">/dev/sms</a>
            in Development), then paste <code>{ "Authorization": "Bearer &lt;accessToken&gt;" }</code> in the Headers tab.
          </div>
          <div id="graphiql">Loading GraphiQL…</div>
          <script src="/graphql/assets/react.production.min.js"></script>
          <script src="/graphql/assets/react-dom.production.min.js"></script>
          <script src="/graphql/assets/graphiql.min.js"></script>
          <script src="/graphql/assets/graphql-ws.min.js"></script>
          <script src="/graphql/assets/start.js"></script>
        </body>
        </html>
        """;

    public static Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/html; charset=utf-8";
        // The page runs only our own scripts; the GraphQL endpoint is same-origin. GraphiQL's stylesheet carries its
        // fonts as data: URLs (font-src), and injects style elements (style-src 'unsafe-inline').
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return http.Response.WriteAsync(Html, http.RequestAborted);
    }

    /// <summary>Serves one vendored asset by file name, or 404.</summary>
    public static async Task WriteAssetAsync(HttpContext http, string file)
    {
        var stream = typeof(GraphiQLPage).Assembly.GetManifestResourceStream("graphiql/" + file);
        if (stream is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using (stream)
        {
            http.Response.ContentType = Path.GetExtension(file) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".ico" => "image/x-icon",
                ".json" => "application/json; charset=utf-8",
                ".graphql" => "text/plain; charset=utf-8",
                _ => "text/javascript; charset=utf-8",
            };
            // The vendored builds change only with their version; our own files (start.js, the walkthrough) are checked
            // on every load, so a new version of the page is seen at once.
            http.Response.Headers.CacheControl = file.Contains(".min.", StringComparison.Ordinal) || file == "favicon.ico" ? "public, max-age=86400" : "no-cache";
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
