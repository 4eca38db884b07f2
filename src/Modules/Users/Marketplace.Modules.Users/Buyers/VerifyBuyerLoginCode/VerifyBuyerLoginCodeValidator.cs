using FluentValidation;
using Marketplace.Modules.Users.Auth;

namespace Marketplace.Modules.Users.Buyers.VerifyBuyerLoginCode;

/// <summary>Only the phone: a malformed code is simply a wrong one (CODE_INVALID), so it teaches nothing either.</summary>
internal sealed class VerifyBuyerLoginCodeValidator : AbstractValidator<VerifyBuyerLoginCodeCommand>
{
    public VerifyBuyerLoginCodeValidator(PhoneNumberNormalizer phones) =>
        RuleFor(c => c.Phone).ValidPhone(phones);
}
