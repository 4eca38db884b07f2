using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Apis.Auth.OAuth2;
using Marketplace.Shared;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Notifications.Push;

internal enum FcmOutcome
{
    Sent,

    /// <summary>The token is dead (UNREGISTERED) or not a token (INVALID_ARGUMENT on message.token): deactivate it.</summary>
    TokenInvalid,

    /// <summary>Worth retrying later (429, 5xx, network); <see cref="FcmResult.RetryAfter"/> when the server said.</summary>
    Retry,

    /// <summary>Our fault (bad payload, auth): retrying the same message will not help.</summary>
    Rejected,
}

internal sealed record FcmResult(FcmOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null);

internal sealed record PushMessage(string Token, string Title, string Body, IReadOnlyDictionary<string, string> Data);

/// <summary>
/// The FCM HTTP v1 API over HttpClient (FirebaseAdmin is not available): an OAuth2 access token from the
/// service-account key (Google.Apis.Auth, scope firebase.messaging; cached and refreshed by the library), then
/// <c>POST {BaseUrl}/v1/projects/{project}/messages:send</c>. 429/5xx are retried honouring Retry-After.
/// </summary>
internal sealed partial class FcmClient
{
    public const string Scope = "https://www.googleapis.com/auth/firebase.messaging";

    private readonly PushOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger<FcmClient> _logger;
    private readonly TimeProvider _clock;
    private readonly ITokenAccess? _credential;
    private readonly string? _projectId;

    public FcmClient(PushOptions options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<FcmClient> logger)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        _http = httpClients.CreateClient(nameof(FcmClient));
        _http.Timeout = options.Timeout;
        var json = !string.IsNullOrWhiteSpace(options.ServiceAccountJson) ? options.ServiceAccountJson
            : !string.IsNullOrWhiteSpace(options.ServiceAccountFile) ? ReadKey(options.ServiceAccountFile) : null;
        if (json is null)
            return;
        try
        {
#pragma warning disable CS0618 // FromJson is the documented way for a key we hold ourselves; we only load service-account keys.
            _credential = GoogleCredential.FromJson(json).CreateScoped(Scope);
#pragma warning restore CS0618
            _projectId = options.ProjectId ?? JsonNode.Parse(json)?["project_id"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is InvalidOperationException or JsonException or FormatException or ArgumentException)
        {
            throw new ConfigurationException(PushOptions.Section + ":ServiceAccountFile", options.ServiceAccountFile ?? "(json)", $"not a service-account key: {exception.Message}");
        }

        if (string.IsNullOrWhiteSpace(_projectId))
            throw new ConfigurationException(PushOptions.Section + ":ProjectId", null, "the key has no project_id; set it");
    }

    public bool Enabled => _credential is not null;

    public string? ProjectId => _projectId;

    public async Task<FcmResult> SendAsync(PushMessage message, CancellationToken cancellationToken)
    {
        if (_credential is null)
            return new FcmResult(FcmOutcome.Rejected, "PUSH_DISABLED: no FCM service-account key configured");
        var body = new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["token"] = message.Token,
                ["notification"] = new JsonObject { ["title"] = message.Title, ["body"] = message.Body },
                ["data"] = new JsonObject(message.Data.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            },
        };

        for (var attempt = 0; ; attempt++)
        {
            var result = await SendOnceAsync(body, cancellationToken).ConfigureAwait(false);
            if (result.Outcome != FcmOutcome.Retry || attempt >= _options.InlineRetries)
                return result;
            var wait = result.RetryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
            if (wait > _options.MaxInlineRetryAfter)
                return result;
            LogRetrying(_logger, result.Reason, wait);
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FcmResult> SendOnceAsync(JsonObject body, CancellationToken cancellationToken)
    {
        string accessToken;
        try
        {
            accessToken = await _credential!.GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or Google.Apis.Auth.OAuth2.Responses.TokenResponseException or TaskCanceledException)
        {
            return new FcmResult(FcmOutcome.Retry, $"TOKEN: {exception.GetType().Name}: {exception.Message}");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.BaseUrl.TrimEnd('/')}/v1/projects/{_projectId}/messages:send")
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new FcmResult(FcmOutcome.Retry, $"HTTP: {exception.GetType().Name}: {exception.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
                return new FcmResult(FcmOutcome.Sent);
            var (status, errorCode, tokenField) = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
            var reason = $"FCM {(int)response.StatusCode} {status} {errorCode}".Trim();
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                return new FcmResult(FcmOutcome.Retry, reason, RetryAfterOf(response, _clock.GetUtcNow()));
            if (errorCode == "UNREGISTERED" || (response.StatusCode == HttpStatusCode.NotFound && status == "NOT_FOUND"))
                return new FcmResult(FcmOutcome.TokenInvalid, "UNREGISTERED");
            if (errorCode == "INVALID_ARGUMENT" && tokenField)
                return new FcmResult(FcmOutcome.TokenInvalid, "INVALID_ARGUMENT");
            return new FcmResult(FcmOutcome.Rejected, reason);
        }
    }

    /// <summary>FCM errors: <c>{ error: { status, details: [{ @type: ...FcmError, errorCode }, { @type: ...BadRequest, fieldViolations: [{ field }] }] } }</c>.</summary>
    private static async Task<(string? Status, string? ErrorCode, bool TokenField)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var error = json?["error"];
            var details = error?["details"]?.AsArray() ?? [];
            var errorCode = details.Select(d => d?["errorCode"]?.GetValue<string>()).FirstOrDefault(c => c is not null);
            var tokenField = details.SelectMany(d => d?["fieldViolations"]?.AsArray() ?? []).Any(v => v?["field"]?.GetValue<string>() == "message.token");
            var status = error?["status"]?.GetValue<string>();
            // An invalid token is INVALID_ARGUMENT whose message names the token when no field violation is given.
            tokenField |= error?["message"]?.GetValue<string>()?.Contains("registration token", StringComparison.OrdinalIgnoreCase) == true;
            return (status, errorCode ?? status, tokenField);
        }
        catch (JsonException)
        {
            return (null, null, false);
        }
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
            _ => null,
        };

    private static string ReadKey(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new ConfigurationException(PushOptions.Section + ":ServiceAccountFile", path, "the file does not exist");

    [LoggerMessage(Level = LogLevel.Information, Message = "FCM answered {Reason}; retrying in {Wait}")]
    private static partial void LogRetrying(ILogger logger, string? reason, TimeSpan wait);
}
