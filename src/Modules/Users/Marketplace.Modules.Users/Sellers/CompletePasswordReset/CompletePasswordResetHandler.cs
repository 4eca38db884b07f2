using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.CompletePasswordReset;

/// <summary>
/// Sets the new password, verifies an unverified address (the link proved the mailbox, unless another account verified
/// it first), ends every session of the account and clears its cap of failed sign-ins: the other path NIST asks for.
/// </summary>
internal sealed class CompletePasswordResetHandler(
    UsersDbContext db,
    PasswordHasher hasher,
    FailureThrottle throttle,
    SessionService sessions,
    TimeProvider clock) : ICommandHandler<CompletePasswordResetCommand, Unit>
{
    public async ValueTask<Unit> Handle(CompletePasswordResetCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Checked before it is claimed, so a password refused for being the address can be corrected with the same link.
        var pending = await db.FindPendingAsync(command.Token, EmailToken.ResetPassword, now, cancellationToken);
        if (PasswordPolicy.Check(command.NewPassword, pending.Email) is { } weak)
            throw ContractError.InvalidArgument(weak.Code, weak.Message, [new FieldViolation("newPassword", weak.Message, weak.Code)]);

        var row = await db.ClaimAsync(command.Token, EmailToken.ResetPassword, now, cancellationToken);
        // The other path NIST asks for: a reset unlocks password sign-in after the cap of failures. Cleared before the
        // account row is touched, the order a sign-in takes these locks in (cap, then account), so the two never deadlock.
        await throttle.ClearAsync([ThrottleSubjects.Account(row.Email)], cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == row.UserId, cancellationToken) ?? throw EmailTokens.Invalid();
        user.PasswordHash = hasher.Hash(command.NewPassword);
        await db.SaveChangesAsync(cancellationToken);
        if (user.EmailVerifiedAt is null && user.Email == row.Email
            && !await db.Set<User>().AnyAsync(u => u.Email == row.Email && u.EmailVerifiedAt != null, cancellationToken))
        {
            try
            {
                user.EmailVerifiedAt = now;
                db.AddEvent(new SellerEmailVerified(user.Id, user.Email!, user.DisplayName, now));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                // Verified by another account a moment ago: the password change stands (EF rolled back to its savepoint).
                db.ChangeTracker.Clear();
            }
        }

        await sessions.RevokeAllAsync(user.Id, "password_reset", cancellationToken);
        return Unit.Value;
    }
}
