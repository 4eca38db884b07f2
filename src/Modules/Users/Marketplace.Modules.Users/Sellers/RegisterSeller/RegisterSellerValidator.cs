using FluentValidation;
using Marketplace.Modules.Users.Auth;

namespace Marketplace.Modules.Users.Sellers.RegisterSeller;

internal sealed class RegisterSellerValidator : AbstractValidator<RegisterSellerCommand>
{
    public RegisterSellerValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Password).Password(c => EmailAddresses.Normalize(c.Email) ?? c.Email);
        RuleFor(c => c.DisplayName).DisplayName();
    }
}
