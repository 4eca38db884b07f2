using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Marketplace.Notifications.Tests.Support;

/// <summary>
/// A local stand-in for Google's OAuth2 token endpoint and the FCM HTTP v1 API, on a loopback Kestrel port. The
/// token endpoint checks the RS256 assertion against the key of the service-account file it wrote (a fresh RSA key)
/// and issues access tokens; <c>messages:send</c> checks the bearer token and the message JSON, records each valid
/// request, and answers by the device token's prefix: <c>dead-</c> → 404 UNREGISTERED, <c>invalid-</c> → 400
/// INVALID_ARGUMENT, <c>busy-</c> → 429 (Retry-After: 1) once, <c>flaky-</c> → 503 once, anything else → 200.
/// </summary>
public sealed class FcmStandIn : IAsyncDisposable
{
    public const string ProjectId = "marketplace-test";
    private const string ClientEmail = "fcm-sender@marketplace-test.iam.gserviceaccount.com";

    private readonly RSA _key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, bool> _accessTokens = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private WebApplication _app = null!;

    /// <summary>Every well-formed, authorized send request, by device token (rejected answers included).</summary>
    public ConcurrentQueue<(string Token, JsonNode Message, int Status)> Requests { get; } = new();

    public int TokensIssued => _accessTokens.Count;

    public string BaseUrl { get; private set; } = null!;

    public string ServiceAccountFile { get; private set; } = null!;

    public static async Task<FcmStandIn> StartAsync()
    {
        var standIn = new FcmStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        standIn._app = builder.Build();
        standIn._app.MapPost("/token", (Delegate)standIn.IssueTokenAsync);
        standIn._app.MapPost("/v1/projects/{project}/messages:send", (Delegate)standIn.SendAsync);
        await standIn._app.StartAsync();
        standIn.BaseUrl = standIn._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ServiceAccountFile = Path.Combine(Path.GetTempPath(), $"fcm-key-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(standIn.ServiceAccountFile, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = ProjectId,
            ["private_key_id"] = "test-key",
            ["private_key"] = standIn._key.ExportPkcs8PrivateKeyPem(),
            ["client_email"] = ClientEmail,
            ["client_id"] = "1234567890",
            ["token_uri"] = $"{standIn.BaseUrl}/token",
        }));
        return standIn;
    }

    public IReadOnlyList<(string Token, JsonNode Message, int Status)> RequestsFor(string deviceToken) =>
        Requests.Where(r => r.Token == deviceToken).ToList();

    private async Task<IResult> IssueTokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
            return Results.BadRequest(new { error = "unsupported_grant_type" });
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["assertion"].ToString(), new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(_key.ExportParameters(false)),
            ValidIssuer = ClientEmail,
            // Google.Apis.Auth addresses the assertion to Google's token audience even when token_uri points elsewhere.
            ValidAudiences = [$"{BaseUrl}/token", "https://oauth2.googleapis.com/token"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        if (!validation.IsValid || (validation.Claims.TryGetValue("scope", out var scope) ? scope?.ToString() : null) != "https://www.googleapis.com/auth/firebase.messaging")
            return Results.BadRequest(new { error = "invalid_grant", error_description = validation.Exception?.Message ?? "scope: " + string.Join(",", validation.Claims.Keys) });
        var token = "ya29.test-" + Guid.NewGuid().ToString("N");
        _accessTokens[token] = true;
        return Results.Json(new { access_token = token, expires_in = 3600, token_type = "Bearer" });
    }

    private async Task<IResult> SendAsync(HttpContext context, string project)
    {
        var bearer = context.Request.Headers.Authorization.ToString();
        if (!bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.ContainsKey(bearer["Bearer ".Length..]))
            return Error(401, "UNAUTHENTICATED", null);
        if (project != ProjectId)
            return Error(403, "PERMISSION_DENIED", null);
        var message = (await JsonNode.ParseAsync(context.Request.Body))?["message"];
        var token = message?["token"]?.GetValue<string>();
        if (token is null || message?["notification"]?["title"] is null || message["notification"]?["body"] is null
            || message["data"] is not JsonObject data || data.Any(kv => kv.Value?.GetValueKind() != JsonValueKind.String))
            return Error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "message");

        var attempt = _attempts.AddOrUpdate(token, 1, (_, n) => n + 1);
        IResult Record(int status, IResult result)
        {
            Requests.Enqueue((token, message.DeepClone(), status));
            return result;
        }

        if (token.StartsWith("dead-", StringComparison.Ordinal))
            return Record(404, Error(404, "NOT_FOUND", "UNREGISTERED"));
        if (token.StartsWith("invalid-", StringComparison.Ordinal))
            return Record(400, Error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "message.token"));
        if (token.StartsWith("busy-", StringComparison.Ordinal) && attempt == 1)
        {
            context.Response.Headers.RetryAfter = "1";
            return Record(429, Error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED"));
        }

        if (token.StartsWith("flaky-", StringComparison.Ordinal) && attempt == 1)
            return Record(503, Error(503, "UNAVAILABLE", "UNAVAILABLE"));
        return Record(200, Results.Json(new { name = $"projects/{ProjectId}/messages/{Guid.NewGuid():N}" }));
    }

    private static IResult Error(int status, string grpcStatus, string? errorCode, string? field = null)
    {
        var details = new JsonArray();
        if (errorCode is not null)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.firebase.fcm.v1.FcmError", ["errorCode"] = errorCode });
        if (field is not null)
            details.Add(new JsonObject { ["@type"] = "type.googleapis.com/google.rpc.BadRequest", ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["description"] = "invalid" }) });
        return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = grpcStatus, ["status"] = grpcStatus, ["details"] = details } }, statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        File.Delete(ServiceAccountFile);
        _key.Dispose();
    }
}
