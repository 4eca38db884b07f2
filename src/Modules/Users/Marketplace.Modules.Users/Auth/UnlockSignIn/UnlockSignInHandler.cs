using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Sellers;
using Mediator;

namespace Marketplace.Modules.Users.Auth.UnlockSignIn;

internal sealed class UnlockSignInHandler(PhoneNumberNormalizer phones, FailureThrottle throttle) : ICommandHandler<UnlockSignInCommand, bool>
{
    public async ValueTask<bool> Handle(UnlockSignInCommand command, CancellationToken cancellationToken)
    {
        var subject = command.Phone.Length > 0
            ? ThrottleSubjects.Phone(phones.Normalize(command.Phone)!)
            : ThrottleSubjects.Account(EmailAddresses.Normalize(command.Email)!);
        return await throttle.UnlockAsync(subject, cancellationToken);
    }
}
