using FluentValidation;
using Marketplace.Modules.Users.Buyers;

namespace Marketplace.Modules.Users.Auth.UnlockSignIn;

/// <summary>A phone when one is given, else an email address.</summary>
internal sealed class UnlockSignInValidator : AbstractValidator<UnlockSignInCommand>
{
    public UnlockSignInValidator(PhoneNumberNormalizer phones)
    {
        RuleFor(c => c.Phone).ValidPhone(phones).When(c => c.Phone.Length > 0);
        RuleFor(c => c.Email).ValidEmail().WithMessage("Name a phone or a valid email address.").When(c => c.Phone.Length == 0);
    }
}
