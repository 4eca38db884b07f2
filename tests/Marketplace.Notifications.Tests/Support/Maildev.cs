using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Notifications.Tests.Support;

/// <summary>
/// The development SMTP server started by <c>scripts/services.sh</c>; delivered mail is read through its REST API
/// (<c>GET /email</c>) and filtered by recipient, so tests never see each other's mail.
/// </summary>
public sealed class Maildev(string apiUrl)
{
    public static string SmtpHost => Environment.GetEnvironmentVariable("Modules__Notifications__Email__Host") ?? "127.0.0.1";

    public static int SmtpPort => int.Parse(Environment.GetEnvironmentVariable("Modules__Notifications__Email__Port") ?? "11025", System.Globalization.CultureInfo.InvariantCulture);

    public static string ApiUrl => Environment.GetEnvironmentVariable("MAILDEV_API_URL") ?? "http://127.0.0.1:11080";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task<List<JsonNode>> MessagesToAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<JsonArray>($"{apiUrl.TrimEnd('/')}/email") ?? [];
        return all.Where(m => m?["to"]?.AsArray().Any(t => string.Equals(t?["address"]?.GetValue<string>(), address, StringComparison.OrdinalIgnoreCase)) == true)
            .Select(m => m!)
            .ToList();
    }
}
