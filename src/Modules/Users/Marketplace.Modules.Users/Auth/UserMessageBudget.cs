using Marketplace.Shared.RateLimiting;
using Marketplace.Shared.Security;

namespace Marketplace.Modules.Users.Auth;

/// <summary>
/// This module's windows of the shared message budget: every SMS and every email the module sends reserves one
/// message here first (per destination, per account, per client address and globally), whatever flow it belongs to,
/// so sign-in codes, phone changes, registrations, email changes, resends and resets all draw on the same budgets.
/// </summary>
internal sealed class UserMessageBudget(IMessageBudget budget, UsersOptions options, DevelopmentAllowances allowances)
{
    private MessageBudgetPolicy Sms => new(
        [new(Limits.CodeSendsPerPhonePerMinute, TimeSpan.FromMinutes(1)), new(Limits.CodeSendsPerPhonePerHour, TimeSpan.FromHours(1)), new(Limits.CodeSendsPerPhonePerDay, TimeSpan.FromDays(1))],
        [new(Limits.SmsPerAccountPerHour, TimeSpan.FromHours(1))],
        [new(Limits.CodeSendsPerIpPerHour, TimeSpan.FromHours(1))],
        [new(Limits.SmsGlobalPerHour, TimeSpan.FromHours(1))]);

    // A demo phone in Development (texts to the development inbox): everything but the per-phone windows.
    private MessageBudgetPolicy SmsToDemoPhone => Sms with { PerDestination = [] };

    private MessageBudgetPolicy Email => new(
        [new(Limits.EmailsPerAddressPerHour, TimeSpan.FromHours(1)), new(Limits.EmailsPerAddressPerDay, TimeSpan.FromDays(1))],
        [new(Limits.EmailsPerAccountPerHour, TimeSpan.FromHours(1))],
        [new(Limits.EmailsPerIpPerHour, TimeSpan.FromHours(1))],
        [new(Limits.EmailsGlobalPerHour, TimeSpan.FromHours(1))]);

    private UsersLimits Limits => options.Limits;

    /// <summary>Reserves one text to <paramref name="phone"/> or throws ResourceExhausted (RATE_LIMITED, SENDING_UNAVAILABLE).</summary>
    public Task ReserveSmsAsync(string phone, Guid? account, string? clientIp, CancellationToken cancellationToken) =>
        budget.ReserveAsync(
            new MessageSend(MessageChannel.Sms, phone, account?.ToString(), allowances.CountedClient(clientIp)),
            allowances.SparesDestination(phone) ? SmsToDemoPhone : Sms,
            cancellationToken);

    /// <summary>Reserves one email to <paramref name="email"/> or throws ResourceExhausted (RATE_LIMITED, SENDING_UNAVAILABLE).</summary>
    public Task ReserveEmailAsync(string email, Guid? account, string? clientIp, CancellationToken cancellationToken) =>
        budget.ReserveAsync(new MessageSend(MessageChannel.Email, email, account?.ToString(), allowances.CountedClient(clientIp)), Email, cancellationToken);

    /// <summary>
    /// Reserves one email, answering false instead of throwing when it may not be sent: for flows whose answer must not
    /// depend on whether an account exists (a password reset for an unknown address sends nothing either).
    /// </summary>
    public async Task<bool> TryReserveEmailAsync(string email, Guid? account, string? clientIp, CancellationToken cancellationToken)
    {
        try
        {
            return (await budget.TryReserveAsync(new MessageSend(MessageChannel.Email, email, account?.ToString(), allowances.CountedClient(clientIp)), Email, cancellationToken)).Allowed;
        }
        catch (RedisUnavailableException)
        {
            return false;
        }
    }
}
