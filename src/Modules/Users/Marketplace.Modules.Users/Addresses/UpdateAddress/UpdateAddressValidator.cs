using FluentValidation;
using Marketplace.Modules.Users.Buyers;

namespace Marketplace.Modules.Users.Addresses.UpdateAddress;

internal sealed class UpdateAddressValidator : AbstractValidator<UpdateAddressCommand>
{
    public UpdateAddressValidator(PhoneNumberNormalizer phones) => RuleFor(c => c.Address).SetValidator(new AddressInputValidator(phones));
}
