using System.Net;
using Marketplace.Shared;

namespace Marketplace.Modules.Notifications.Email;

internal enum SmtpSecurity
{
    /// <summary>Port 465 → SslOnConnect, anything else → StartTls.</summary>
    Auto,
    StartTls,
    SslOnConnect,

    /// <summary>No TLS: only for a development server on loopback (maildev).</summary>
    None,
}

/// <summary>Settings under <c>Modules:Notifications:Email</c>.</summary>
internal sealed class EmailOptions
{
    public const string Section = "Modules:Notifications:Email";

    /// <summary>SMTP server; empty disables email (deliveries fail with EMAIL_NOT_CONFIGURED, one log line at start).</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>SMTP user; with <see cref="Password"/> (an app password) authenticates after TLS.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Marketplace <no-reply@marketplace.local>";

    public string? ReplyTo { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Permits <see cref="SmtpSecurity.None"/> to a non-loopback development server (maildev in docker compose).</summary>
    public bool AllowPlainTextToDevelopmentServer { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public MailKit.Security.SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => MailKit.Security.SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => MailKit.Security.SecureSocketOptions.None,
        _ => Port == 465 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls,
    };

    public void Validate()
    {
        if (!Enabled)
            return;
        if (Port is <= 0 or > 65535)
            throw new ConfigurationException($"{Section}:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be a TCP port");
        if (Security == SmtpSecurity.None && !IsLoopback(Host!) && !AllowPlainTextToDevelopmentServer)
            throw new ConfigurationException($"{Section}:Security", "None", $"plain SMTP is only for a development server on loopback, not {Host}; use StartTls (587) or SslOnConnect (465)");
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
            throw new ConfigurationException($"{Section}:From", From, "is not an email address");
        if (ReplyTo is not null && !MimeKit.MailboxAddress.TryParse(ReplyTo, out _))
            throw new ConfigurationException($"{Section}:ReplyTo", ReplyTo, "is not an email address");
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            throw new ConfigurationException($"{Section}:{(string.IsNullOrEmpty(UserName) ? "UserName" : "Password")}", null, "user name and password go together");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
