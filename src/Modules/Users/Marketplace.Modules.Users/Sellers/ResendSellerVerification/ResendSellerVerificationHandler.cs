using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Sellers.ResendSellerVerification;

/// <summary>A new link (or, when a verified account holds the address, the owner's notice), within the email budget.</summary>
internal sealed class ResendSellerVerificationHandler(UsersDbContext db, SessionService sessions, UserMessageBudget budget, AccountEmails emails)
    : ICommandHandler<ResendSellerVerificationCommand, Unit>
{
    public async ValueTask<Unit> Handle(ResendSellerVerificationCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Seller, cancellationToken);
        var user = await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == command.Seller.UserId && u.Role == Roles.Seller, cancellationToken)
            ?? throw ContractError.PermissionDenied(CommonErrorCodes.SellersOnly, "Only sellers verify an email address.");
        if (user.EmailVerifiedAt is not null)
            throw ContractError.FailedPrecondition(UsersErrorCodes.AlreadyVerified, "Your email address is already verified.");
        await budget.ReserveEmailAsync(user.Email!, user.Id, command.Client.Ip, cancellationToken);
        await emails.SendVerificationOrNoticeAsync(user, cancellationToken);
        return Unit.Value;
    }
}
