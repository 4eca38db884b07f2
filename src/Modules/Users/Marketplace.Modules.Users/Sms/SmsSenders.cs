using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Users.Sms;

/// <summary>Sends one text message. Implementations never log the body: it holds a secret code.</summary>
internal interface ISmsSender
{
    Task SendAsync(string toE164, string body, CancellationToken cancellationToken);
}

/// <summary>
/// A Twilio-compatible REST client: <c>POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c> with a form body
/// (<c>To</c>, <c>From</c>, <c>Body</c>) and HTTP Basic authentication (account SID, auth token).
/// </summary>
internal sealed partial class HttpSmsSender(HttpClient http, UsersOptions options, ILogger<HttpSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(string toE164, string body, CancellationToken cancellationToken)
    {
        var sms = options.Sms;
        var url = $"{sms.BaseUrl!.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(sms.AccountSid!)}/Messages.json";
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent([new("To", toE164), new("From", sms.From), new("Body", body)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sms.AccountSid}:{sms.AuthToken}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            LogFailed(logger, (int)response.StatusCode);
            throw new InvalidOperationException($"The SMS provider answered {(int)response.StatusCode}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS provider refused a message with HTTP {Status}")]
    private static partial void LogFailed(ILogger logger, int status);
}

/// <summary>Development only: keeps messages in memory, readable at <c>/dev/sms</c>, instead of sending them.</summary>
internal sealed class DevelopmentSmsSender(DevelopmentSmsInbox inbox, TimeProvider clock) : ISmsSender
{
    public Task SendAsync(string toE164, string body, CancellationToken cancellationToken)
    {
        inbox.Add(new DevelopmentSmsMessage(toE164, body, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}

internal sealed record DevelopmentSmsMessage(string To, string Body, DateTimeOffset SentAt);

/// <summary>The last <see cref="Capacity"/> development messages of this process.</summary>
internal sealed class DevelopmentSmsInbox
{
    public const int Capacity = 500;
    private readonly ConcurrentQueue<DevelopmentSmsMessage> _messages = new();

    public void Add(DevelopmentSmsMessage message)
    {
        _messages.Enqueue(message);
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }
    }

    public IReadOnlyList<DevelopmentSmsMessage> List(string? to) =>
        _messages.Where(m => to is null || m.To == to).OrderByDescending(m => m.SentAt).ToList();
}
