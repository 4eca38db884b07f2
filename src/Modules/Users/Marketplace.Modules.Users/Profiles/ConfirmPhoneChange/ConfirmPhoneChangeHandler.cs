using Grpc.Core;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Profiles.ConfirmPhoneChange;

/// <summary>
/// Checks the phone-change code like a sign-in code (tries reserved before the comparison, the account's own cap of
/// failures counted: <see cref="LoginCodes"/>); a refused code is answered as a <see cref="Refusal"/>, so its try
/// commits. A code does not sign anyone in, and a sign-in code does not confirm a phone.
/// </summary>
internal sealed class ConfirmPhoneChangeHandler(UsersDbContext db, SessionService sessions, LoginCodes codes, TimeProvider clock)
    : ICommandHandler<ConfirmPhoneChangeCommand, Outcome<User>>
{
    public async ValueTask<Outcome<User>> Handle(ConfirmPhoneChangeCommand command, CancellationToken cancellationToken)
    {
        await sessions.RequireLiveAsync(command.Buyer, cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == command.Buyer.UserId, cancellationToken)
            ?? throw ContractError.NotFound(UsersErrorCodes.UserNotFound, "Your account no longer exists.");
        var phone = user.PendingPhone ?? throw ContractError.FailedPrecondition(UsersErrorCodes.NoPhoneChangePending, "Ask for a phone change first.");
        switch (await codes.CheckAsync(phone, LoginCode.PhoneChange, command.Code, ThrottleSubjects.PhoneChange(user.Id), cancellationToken))
        {
            case CodeCheck.Locked:
                return Refusal.SignInLocked();
            case CodeCheck.Wrong:
                return Refusal.CodeInvalid();
        }

        user.Phone = phone;
        user.PendingPhone = null;
        db.AddEvent(new ProfileUpdated(user.Id, ["phone"], clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            // Taken since the code was sent; the code proved the caller holds the number, so saying so leaks nothing. EF
            // rolled back to its savepoint; the consumed code stays consumed.
            db.ChangeTracker.Clear();
            return new Refusal(StatusCode.AlreadyExists, UsersErrorCodes.PhoneTaken, "Another account uses this phone number.");
        }

        return user;
    }
}
