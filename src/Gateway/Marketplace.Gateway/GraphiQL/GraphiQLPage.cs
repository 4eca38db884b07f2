using Microsoft.AspNetCore.Http;

namespace Marketplace.Gateway.Http;

/// <summary>
/// GraphiQL for browsers at /graphql. Its scripts are served from this assembly (vendored from npm, see
/// GraphiQL/assets/README.md): the page works offline and loads nothing from a CDN.
/// </summary>
internal static class GraphiQLPage
{
    public const string AssetPath = "/graphql/assets";

    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Marketplace GraphiQL</title>
          <link rel="stylesheet" href="/graphql/assets/graphiql.min.css" />
          <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
        </head>
        <body>
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
        // The page runs only our own scripts; the GraphQL endpoint is same-origin.
        http.Response.Headers.ContentSecurityPolicy =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'";
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
            http.Response.ContentType = file.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            http.Response.Headers.CacheControl = "public, max-age=86400";
            await stream.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
    }
}
