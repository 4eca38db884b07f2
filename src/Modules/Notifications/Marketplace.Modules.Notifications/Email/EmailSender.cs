using Marketplace.Modules.Notifications.Sending;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Persistence;
using Marketplace.Modules.Notifications.Templates;
using MailKit.Net.Smtp;
using MimeKit;

namespace Marketplace.Modules.Notifications.Email;

/// <summary>Sends one email over SMTP with MailKit: HTML + text, From/Reply-To, List-Unsubscribe on non-essential mail.</summary>
internal sealed class EmailSender(EmailOptions options, UnsubscribeLinks unsubscribe, NotificationsDbContext db) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public async Task<SendResult> SendAsync(DeliveryWork work, CancellationToken cancellationToken)
    {
        if (!options.Enabled)
            return SendResult.Permanent("EMAIL_NOT_CONFIGURED: Modules:Notifications:Email:Host is empty");
        if (string.IsNullOrWhiteSpace(work.Notification.RecipientEmail) || !MailboxAddress.TryParse(work.Notification.RecipientEmail, out var to))
            return SendResult.Permanent("INVALID_RECIPIENT: no valid email address");

        var data = new Dictionary<string, string>(work.Data, StringComparer.Ordinal);
        string? unsubscribeUrl = null;
        if (work.Definition.Category != Category.Account && work.Notification.UserId is { } userId)
        {
            unsubscribeUrl = await unsubscribe.CreateAsync(db, userId, Channel.Email, work.Definition.Category, cancellationToken).ConfigureAwait(false);
            data[TemplateDefinition.UnsubscribeVariable] = unsubscribeUrl;
        }

        var rendered = work.Render(data);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        if (options.ReplyTo is not null)
            message.ReplyTo.Add(MailboxAddress.Parse(options.ReplyTo));
        message.To.Add(to);
        message.Subject = rendered.Subject;
        // A stable Message-Id per delivery: should a crash ever resend, receivers can tell it is the same message.
        message.MessageId = $"{work.Delivery.Id:N}@marketplace";
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.SocketOptions, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken).ConfigureAwait(false);
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return SendResult.Sent;
        }
        catch (SmtpCommandException exception) when (exception.StatusCode is >= (SmtpStatusCode)500 and < (SmtpStatusCode)600 && exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SendResult.Permanent($"RECIPIENT_REJECTED: {(int)exception.StatusCode}");
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or MailKit.Security.AuthenticationException)
        {
            return SendResult.Transient($"SMTP: {exception.GetType().Name}: {exception.Message}", null);
        }
    }
}
