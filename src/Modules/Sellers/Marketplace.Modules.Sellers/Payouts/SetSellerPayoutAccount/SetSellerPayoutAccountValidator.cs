using FluentValidation;
using Marketplace.Modules.Sellers.Contracts;
using Marketplace.Modules.Sellers.Domain;

namespace Marketplace.Modules.Sellers.Payouts.SetSellerPayoutAccount;

internal sealed class SetSellerPayoutAccountValidator : AbstractValidator<SetSellerPayoutAccountCommand>
{
    public SetSellerPayoutAccountValidator() =>
        RuleFor(c => c.StripeAccountId).Must(id => id.Length == 0 || PayoutRules.IsStripeAccount(id))
            .WithErrorCode(PayoutErrorCodes.InvalidAccount).WithMessage("Give a Stripe connected account id (acct_ and letters or digits), or nothing to clear it.");
}
