using FluentValidation;
using Marketplace.Modules.Users.Auth;

namespace Marketplace.Modules.Users.Sellers.CompletePasswordReset;

/// <summary>The password policy; "not the email" is checked by the handler, which knows the account's address.</summary>
internal sealed class CompletePasswordResetValidator : AbstractValidator<CompletePasswordResetCommand>
{
    public CompletePasswordResetValidator() => RuleFor(c => c.NewPassword).Password(_ => null);
}
