using FluentValidation;
using Marketplace.Modules.Users.Buyers;

namespace Marketplace.Modules.Users.Addresses.CreateAddress;

internal sealed class CreateAddressValidator : AbstractValidator<CreateAddressCommand>
{
    public CreateAddressValidator(PhoneNumberNormalizer phones) => RuleFor(c => c.Address).SetValidator(new AddressInputValidator(phones));
}
