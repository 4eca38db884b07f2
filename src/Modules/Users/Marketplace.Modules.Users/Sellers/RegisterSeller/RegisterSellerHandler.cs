using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.RateLimiting;
using Marketplace.Shared.Security;
using Mediator;

namespace Marketplace.Modules.Users.Sellers.RegisterSeller;

/// <summary>
/// Creates the seller and emails the verification link. No answer depends on whether the address has an account:
/// registering an address a verified account holds answers exactly like a free one, and its owner is emailed a notice
/// instead of the link; password sign-in needs a verified address, so the new account's password probes nothing either.
/// </summary>
internal sealed class RegisterSellerHandler(
    UsersDbContext db,
    PasswordHasher hasher,
    AccountEmails emails,
    UserMessageBudget budget,
    ISubjectRateLimiter limiter,
    SessionService sessions,
    DevelopmentAllowances allowances,
    UsersOptions options,
    TimeProvider clock) : ICommandHandler<RegisterSellerCommand, SignedInSession>
{
    public async ValueTask<SignedInSession> Handle(RegisterSellerCommand command, CancellationToken cancellationToken)
    {
        // Counted before anything costs: each registration is a 210k-iteration hash and an email. Without Redis the
        // count is unknown, and nothing is hashed or sent (fail closed).
        if (command.Client.Ip is { } ip && !allowances.SparesClient(ip))
        {
            try
            {
                await limiter.EnforceAsync(new SubjectRateLimit("users-register-ip", options.Limits.RegistrationsPerIpPerHour, TimeSpan.FromHours(1)), ip, cancellationToken);
            }
            catch (RedisUnavailableException)
            {
                throw MessageBudgetExtensions.Unavailable();
            }
        }

        var email = EmailAddresses.Normalize(command.Email)!;
        // One email goes out either way (the link, or the owner's notice): the same budget, the same answer.
        await budget.ReserveEmailAsync(email, account: null, command.Client.Ip, cancellationToken);

        var now = clock.GetUtcNow();
        var user = new User { Role = Roles.Seller, Email = email, DisplayName = command.DisplayName, PasswordHash = hasher.Hash(command.Password), CreatedAt = now };
        db.Add(user);
        db.AddEvent(new SellerRegistered(user.Id, email, command.DisplayName, now));
        await db.SaveChangesAsync(cancellationToken);

        var signedIn = await sessions.StartAsync(user, command.Client, SignInMethods.Password, cancellationToken);
        // Last: once the email is out nothing else may fail and roll back the token its link carries.
        await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
        return signedIn;
    }
}
