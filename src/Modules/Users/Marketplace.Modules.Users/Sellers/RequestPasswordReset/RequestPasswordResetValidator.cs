using FluentValidation;
using Marketplace.Modules.Users.Auth;

namespace Marketplace.Modules.Users.Sellers.RequestPasswordReset;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() => RuleFor(c => c.Email).ValidEmail();
}
