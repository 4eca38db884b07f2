using FluentValidation;
using Marketplace.Modules.Users.Auth;

namespace Marketplace.Modules.Users.Buyers.RequestBuyerLoginCode;

internal sealed class RequestBuyerLoginCodeValidator : AbstractValidator<RequestBuyerLoginCodeCommand>
{
    public RequestBuyerLoginCodeValidator(PhoneNumberNormalizer phones) =>
        RuleFor(c => c.Phone).ValidPhone(phones);
}
