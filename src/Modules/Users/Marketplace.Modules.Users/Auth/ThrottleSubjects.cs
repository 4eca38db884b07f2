namespace Marketplace.Modules.Users.Auth;

/// <summary>The subjects of <see cref="FailureThrottle"/>'s counters (hashed: no phone or email in clear).</summary>
internal static class ThrottleSubjects
{
    /// <summary>The hard cap of code sign-in for a phone (E.164).</summary>
    public static string Phone(string phone) => Secrets.SubjectKey("phone", phone);

    /// <summary>The hard cap of password sign-in for an address (normalised).</summary>
    public static string Account(string email) => Secrets.SubjectKey("account", email);

    /// <summary>The growing delay of one client's password tries at one address.</summary>
    public static string AccountClient(string email, string? ip) => Secrets.SubjectKey("account-client", $"{email}|{ip}");

    /// <summary>The hard cap of a buyer's phone-change confirmations.</summary>
    public static string PhoneChange(Guid userId) => Secrets.SubjectKey("phone-change", userId.ToString());
}
