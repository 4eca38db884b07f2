using System.Net;
using Marketplace.Modules.Users.DemoData;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// What the abuse limits spare in Development, so a person trying the demo on their own machine does not trip budgets
/// meant for the internet. Outside Development every answer is false: production limits never change.
/// <list type="bullet">
/// <item><b>Loopback clients</b> (127.0.0.0/8, ::1) are not counted per client address (texts, emails, registrations,
/// password logins per address): on a developer's machine every browser tab, script and test run is that one
/// address, so 30 codes an hour would be shared by all of them. Per-destination, per-account and global budgets
/// still count them, and a client behind a trusted proxy is counted by its real address.</item>
/// <item><b>The demo accounts</b> (<see cref="UsersDemoData"/>) cannot be locked by anyone's wrong codes or passwords:
/// their codes are readable by anyone at /dev/sms and their passwords are in the README, so the consecutive-failure
/// cap and the per-client delay would protect nothing and let one visitor lock the demo for everyone. Their phones are
/// spared the per-phone text budget too, but only while texts go to the development inbox (a real SMS provider
/// would text a real number).</item>
/// </list>
/// A code still allows 3 tries: someone else's wrong guesses cost the next person a new code, never a lockout.
/// </summary>
internal sealed class DevelopmentAllowances(bool development, bool developmentInbox)
{
    private static readonly HashSet<string> DemoPhones = [.. UsersDemoData.Buyers.Select(b => b.Phone)];
    private static readonly HashSet<string> DemoEmails = new(UsersDemoData.Sellers.Select(s => s.Email), StringComparer.Ordinal);

    /// <summary>The allowances of production: none.</summary>
    public static readonly DevelopmentAllowances None = new(false, false);

    /// <summary>True when <paramref name="clientIp"/> is not counted per client address (Development, loopback).</summary>
    public bool SparesClient(string? clientIp) =>
        development && IPAddress.TryParse(clientIp, out var address) && IPAddress.IsLoopback(address);

    /// <summary>The client address to count, or null when it is spared.</summary>
    public string? CountedClient(string? clientIp) => SparesClient(clientIp) ? null : clientIp;

    /// <summary>True for a demo buyer's phone (E.164) in Development: no failure cap.</summary>
    public bool IsDemoPhone(string phone) => development && DemoPhones.Contains(phone);

    /// <summary>True for a demo buyer's phone whose texts go to the development inbox: no per-phone text budget.</summary>
    public bool SparesDestination(string phone) => developmentInbox && IsDemoPhone(phone);

    /// <summary>True for a demo seller's (normalised) email in Development: no failure cap, no per-client delay.</summary>
    public bool IsDemoEmail(string email) => development && DemoEmails.Contains(email);
}
