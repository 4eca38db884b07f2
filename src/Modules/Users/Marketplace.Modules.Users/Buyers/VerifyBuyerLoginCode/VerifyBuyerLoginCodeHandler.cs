using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Contracts;
using Marketplace.Modules.Users.Contracts.Events;
using Marketplace.Modules.Users.Domain;
using Marketplace.Modules.Users.Persistence;
using Marketplace.Shared.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Modules.Users.Buyers.VerifyBuyerLoginCode;

/// <summary>
/// Checks the code (single use, its try reserved before the comparison, the phone's hard cap counted: see
/// <see cref="LoginCodes"/>) and starts a session; the first success creates the buyer. A refused code is answered as a
/// <see cref="Refusal"/>, so the try it spent commits.
/// </summary>
internal sealed class VerifyBuyerLoginCodeHandler(
    UsersDbContext db,
    PhoneNumberNormalizer phones,
    LoginCodes codes,
    SessionService sessions,
    DevelopmentAllowances allowances,
    TimeProvider clock) : ICommandHandler<VerifyBuyerLoginCodeCommand, Outcome<SignedInSession>>
{
    public async ValueTask<Outcome<SignedInSession>> Handle(VerifyBuyerLoginCodeCommand command, CancellationToken cancellationToken)
    {
        var phone = phones.Normalize(command.Phone)!;
        // The demo phones in Development count no failures: anyone could lock them for everyone (DevelopmentAllowances).
        var cap = allowances.IsDemoPhone(phone) ? null : ThrottleSubjects.Phone(phone);
        switch (await codes.CheckAsync(phone, LoginCode.SignIn, command.Code, cap, cancellationToken))
        {
            case CodeCheck.Locked:
                return Refusal.SignInLocked();
            case CodeCheck.Wrong:
                return Refusal.CodeInvalid();
        }

        var now = clock.GetUtcNow();
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Phone == phone, cancellationToken);
        if (user is null)
        {
            user = new User { Role = Roles.Buyer, Phone = phone, CreatedAt = now };
            db.Add(user);
            db.AddEvent(new BuyerRegistered(user.Id, now));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                // Registered a moment ago by a concurrent sign-in of the same phone: that buyer it is. (EF rolled back to
                // its savepoint; the consumed code stays consumed.)
                db.ChangeTracker.Clear();
                user = await db.Set<User>().FirstAsync(u => u.Phone == phone, cancellationToken);
            }
        }
        else if (user.Role != Roles.Buyer)
        {
            return new Refusal(Grpc.Core.StatusCode.FailedPrecondition, UsersErrorCodes.NotABuyer, "This phone belongs to an account that signs in another way.");
        }

        return await sessions.StartAsync(user, command.Client, SignInMethods.SmsCode, cancellationToken);
    }
}
