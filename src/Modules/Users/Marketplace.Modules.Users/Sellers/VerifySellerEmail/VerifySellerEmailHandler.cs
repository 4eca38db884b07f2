using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.VerifySellerEmail;

/// <summary>
/// Claims the verification token and marks the address verified (publishing <c>seller_email_verified.v1</c>), unless
/// the account's email changed since the link was sent or another account verified the address first.
/// </summary>
internal sealed class VerifySellerEmailHandler(UsersDbContext db, TimeProvider clock) : ICommandHandler<VerifySellerEmailCommand, Guid>
{
    public async ValueTask<Guid> Handle(VerifySellerEmailCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await db.ClaimAsync(command.Token, EmailToken.VerifyEmail, now, cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == row.UserId, cancellationToken);
        // A token proves the address it was sent to; if the email changed since, it proves nothing.
        if (user is null || user.Email != row.Email)
            throw EmailTokens.Invalid();
        if (user.EmailVerifiedAt is null)
        {
            user.EmailVerifiedAt = now;
            db.AddEvent(new SellerEmailVerified(user.Id, user.Email!, user.DisplayName, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                // Another account verified this address first. Only the mailbox's owner holds this link, so saying so
                // tells nobody else anything.
                throw ContractError.AlreadyExists(UsersErrorCodes.EmailTaken, "Another account already uses this verified email address; sign in with that one.");
            }
        }

        return user.Id;
    }
}
