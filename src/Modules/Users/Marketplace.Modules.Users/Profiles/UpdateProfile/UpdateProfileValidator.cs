using FluentValidation;
using Marketplace.Modules.Users.Auth;
using Marketplace.Modules.Users.Buyers;
using Marketplace.Modules.Users.Contracts;

namespace Marketplace.Modules.Users.Profiles.UpdateProfile;

/// <summary>The fields given are checked; buyers have no email here and only buyers sign in by phone.</summary>
internal sealed class UpdateProfileValidator : AbstractValidator<UpdateProfileCommand>
{
    public UpdateProfileValidator(PhoneNumberNormalizer phones)
    {
        RuleFor(c => c.DisplayName!).DisplayName().When(c => c.DisplayName is not null);
        RuleFor(c => c.Avatar!).MediaReferenceOrEmpty().When(c => c.Avatar is not null);
        RuleFor(c => c.Email!).Must(_ => false).WithErrorCode(UsersErrorCodes.NotAllowedForRole).WithMessage("Buyers sign in by phone and have no email here.")
            .When(c => c.Email is not null && c.IsBuyer);
        RuleFor(c => c.Email!).ValidEmail().When(c => c.Email is not null && !c.IsBuyer);
        RuleFor(c => c.Phone!).Must(_ => false).WithErrorCode(UsersErrorCodes.NotAllowedForRole).WithMessage("Only buyers sign in by phone.")
            .When(c => c.Phone is not null && !c.IsBuyer);
        RuleFor(c => c.Phone!).ValidPhone(phones).When(c => c.Phone is not null && c.IsBuyer);
    }
}
