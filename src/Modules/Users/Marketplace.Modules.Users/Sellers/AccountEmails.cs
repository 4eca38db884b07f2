using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Users.Sellers;

/// <summary>
/// Creates single-use emailed tokens and sends them through the Notifications contract (a direct call, never an
/// event: the link is a secret). The token row's id is the idempotency key, so a retried call sends one email.
/// Callers reserve the email in <see cref="Auth.UserMessageBudget"/> first.
/// </summary>
internal sealed partial class AccountEmails(
    UsersDbContext db,
    NotificationsContract.NotificationsContractClient notifications,
    UsersOptions options,
    TimeProvider clock,
    ILogger<AccountEmails> logger)
{
    public Task SendVerificationAsync(User user, CancellationToken cancellationToken) =>
        SendAsync(user, EmailToken.VerifyEmail, options.EmailVerificationLifetime, TransactionalTemplates.SellerEmailVerification, "verificationUrl", "verify-email", cancellationToken);

    public Task SendPasswordResetAsync(User user, CancellationToken cancellationToken) =>
        SendAsync(user, EmailToken.ResetPassword, options.PasswordResetLifetime, TransactionalTemplates.PasswordReset, "resetUrl", "reset-password", cancellationToken);

    /// <summary>
    /// Tells the verified owner of <paramref name="holder"/>'s address that someone tried to use it for another account
    /// (a registration or an email change): they learn of it, the one who tried gets the answer a free address gets.
    /// </summary>
    public Task SendAddressInUseAsync(User holder, CancellationToken cancellationToken) =>
        HandOverAsync(new SendTransactionalEmailRequest
        {
            Template = TransactionalTemplates.EmailAddressInUse,
            RecipientEmail = holder.Email,
            RecipientUserId = holder.Id.ToString(),
            Locale = "en",
            // Every attempt is its own notice; the message budget bounds how many one address gets.
            IdempotencyKey = $"users:address_in_use:{Guid.CreateVersion7():N}",
            Data = { ["displayName"] = holder.DisplayName },
        }, cancellationToken);

    /// <summary>
    /// The verification link for <paramref name="user"/>'s (unverified) address, or, when a verified account already
    /// holds that address, the in-use notice to its owner: one email either way, so the answer reveals nothing.
    /// </summary>
    public async Task SendVerificationOrNoticeAsync(User user, CancellationToken cancellationToken)
    {
        var holder = await db.Set<User>().AsNoTracking()
            .FirstOrDefaultAsync(u => u.Email == user.Email && u.EmailVerifiedAt != null && u.Id != user.Id, cancellationToken);
        if (holder is null)
            await SendVerificationAsync(user, cancellationToken);
        else
            await SendAddressInUseAsync(holder, cancellationToken);
    }

    private async Task SendAsync(User user, string purpose, TimeSpan lifetime, string template, string urlKey, string path, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = Secrets.NewToken();
        var row = new EmailToken { UserId = user.Id, Purpose = purpose, Email = user.Email!, Hash = Secrets.Hash(token), CreatedAt = now, ExpiresAt = now + lifetime };
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken);

        var request = new SendTransactionalEmailRequest
        {
            Template = template,
            RecipientEmail = user.Email,
            RecipientUserId = user.Id.ToString(),
            Locale = "en",
            IdempotencyKey = $"users:{purpose}:{row.Id}",
            Data =
            {
                ["displayName"] = user.DisplayName,
                [urlKey] = $"{options.PublicBaseUrl.TrimEnd('/')}/{path}?token={Uri.EscapeDataString(token)}",
            },
        };
        await HandOverAsync(request, cancellationToken);
    }

    private async Task HandOverAsync(SendTransactionalEmailRequest request, CancellationToken cancellationToken)
    {
        var template = request.Template;
        try
        {
            // Notifications only takes calls from modules: this module speaks for itself here.
            using var scope = CallContext.Push(new CallContext(Caller.Service("Users"), CallContext.Current.CorrelationId));
            await notifications.SendTransactionalEmailAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Cancelled)
        {
            // The account change stands; the user can ask for the email again (resend / a new reset request).
            LogNotSent(logger, template, exception.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Template} could not be handed to Notifications ({Status}); the user may ask again")]
    private static partial void LogNotSent(ILogger logger, string template, StatusCode status);
}
