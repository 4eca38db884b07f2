namespace Marketplace.Gateway;

/// <summary>Settings of the GraphQL gateway, section <c>Gateway</c>. Every one is listed in docs/graphql.md.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Serve GraphiQL at /graphql to browsers. Default: on in Development, off elsewhere.</summary>
    public bool? GraphiQL { get; set; }

    /// <summary>Allow introspection queries. Default: on in Development, off elsewhere.</summary>
    public bool? Introspection { get; set; }

    /// <summary>Put exception type and message into INTERNAL errors. Default: on in Development only.</summary>
    public bool? ExposeExceptionDetails { get; set; }

    public int MaxDepth { get; set; } = 12;

    /// <summary>Upper bound of the complexity score: every field costs 1, list fields multiply their children by <c>first</c> (or <see cref="DefaultListSize"/>).</summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>Assumed size of a list field without a <c>first</c> argument, for complexity.</summary>
    public int DefaultListSize { get; set; } = 10;

    public int MaxAliases { get; set; } = 30;

    /// <summary>Largest document in lexical tokens, counted before parsing (QUERY_TOO_LARGE above it).</summary>
    public int MaxTokens { get; set; } = 10_000;

    /// <summary>
    /// Field selections in the document with every fragment spread expanded, summed over its operations and fragment
    /// definitions: the work validation does (duplicate-field merging is quadratic in it). QUERY_TOO_LARGE above it.
    /// </summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Fragment definitions in one document (QUERY_TOO_LARGE above it).</summary>
    public int MaxFragments { get; set; } = 100;

    /// <summary>Fragment spreads inside fragments inside fragments… (QUERY_TOO_DEEP above it).</summary>
    public int MaxFragmentDepth { get; set; } = 16;

    /// <summary>
    /// Selection sets nested in one another, counting fields, inline fragments and fragment spreads with fragments
    /// expanded (QUERY_TOO_DEEP above it). <see cref="MaxDepth"/> counts fields only; this bounds every recursive walk.
    /// </summary>
    public int MaxNesting { get; set; } = 32;

    /// <summary>Largest <c>first</c> a connection accepts.</summary>
    public int MaxPageSize { get; set; } = 100;

    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Largest request body, in bytes (HTTP 413 above it).</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many parsed and validated documents are kept, by query text.</summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>HTTP requests per <see cref="RateLimitWindow"/> from one IP address (0 = off).</summary>
    public int RateLimitPerIp { get; set; } = 600;

    /// <summary>HTTP requests per <see cref="RateLimitWindow"/> from one signed-in user (0 = off).</summary>
    public int RateLimitPerUser { get; set; } = 300;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks) whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed, so
    /// per-IP limits and sign-in records see the client's address. Empty: the connection's own address is used.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Browser origins allowed to call the API (CORS), e.g. <c>https://shop.example.com</c>, or <c>*</c>. Empty: no CORS.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public GatewayAuthOptions Auth { get; set; } = new();

    public GatewayWebSocketOptions WebSockets { get; set; } = new();
}

public sealed class GatewayAuthOptions
{
    /// <summary>Expected <c>iss</c> of access tokens (the Users module issues them with the same value).</summary>
    public string Issuer { get; set; } = "marketplace";

    /// <summary>Expected <c>aud</c> of access tokens.</summary>
    public string Audience { get; set; } = "marketplace-api";

    /// <summary>Tolerated clock difference when checking <c>exp</c>/<c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long fetched signing keys are trusted before they are fetched again.</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A token with an unknown <c>kid</c> refetches the keys at most this often (so random kids cannot flood the Users module).</summary>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class GatewayWebSocketOptions
{
    /// <summary>How long a client has after connecting to send <c>connection_init</c> (close 4408 after).</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Subscriptions one connection may hold at once.</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 20;

    /// <summary>Largest single WebSocket message, in bytes (closed with 1009, message too big, above it).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a signed-in connection checks that its session has not ended (logout, revocation); it is closed with
    /// 4403 when it has, and when its access token expires (clients reconnect with a fresh token).
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
