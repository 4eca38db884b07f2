using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.RequestPasswordReset;

/// <summary>
/// Emails a reset link to the verified holder of the address, else to its newest unverified claim (a seller who never
/// followed the verification link gets in this way: completing a reset proves the address). An unknown address, or one
/// over its email budget, is silently sent nothing: the answer is always the same.
/// </summary>
internal sealed class RequestPasswordResetHandler(UsersDbContext db, UserMessageBudget budget, AccountEmails emails) : ICommandHandler<RequestPasswordResetCommand, Unit>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddresses.Normalize(command.Email)!;
        var user = await db.Set<User>().AsNoTracking()
            .Where(u => u.Email == email && u.PasswordHash != null)
            .OrderByDescending(u => u.EmailVerifiedAt != null).ThenByDescending(u => u.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (user is not null && await budget.TryReserveEmailAsync(email, user.Id, command.Client.Ip, cancellationToken))
            await emails.SendPasswordResetAsync(user, cancellationToken);
        return Unit.Value;
    }
}
