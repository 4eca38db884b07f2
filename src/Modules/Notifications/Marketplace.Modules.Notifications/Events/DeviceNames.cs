using System.Text.RegularExpressions;

namespace Marketplace.Modules.Notifications.Events;

/// <summary>
/// A short name for the device of a sign-in ("Chrome on Linux", "curl"), from the User-Agent the session recorded.
/// The User-Agent is whatever the client sent, so the notice never quotes it: only known browser and system names,
/// or the first product token's name (letters, digits, <c>._-</c>, at most 32), reach the recipient. Whoever signs in
/// with someone else's code cannot write a message of their own into the owner's notice.
/// </summary>
internal static partial class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"), ("Firefox/", "Firefox"),
        ("HeadlessChrome/", "Headless Chrome"), ("Chrome/", "Chrome"), ("CriOS/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
            return "an unnamed device";
        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        if (browser is not null)
            return system is null ? browser : $"{browser} on {system}";
        var product = ProductName().Match(userAgent);
        var name = product.Success ? product.Value : "an unnamed app";
        return system is null ? name : $"{name} on {system}";
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]{0,31}")]
    private static partial Regex ProductName();
}
