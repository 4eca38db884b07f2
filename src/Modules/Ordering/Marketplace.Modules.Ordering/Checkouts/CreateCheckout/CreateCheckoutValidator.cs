using FluentValidation;
using Marketplace.Modules.Ordering.Contracts;
using Marketplace.Modules.Ordering.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Ordering.Checkouts.CreateCheckout;

internal sealed class CreateCheckoutValidator : AbstractValidator<CreateCheckoutCommand>
{
    public CreateCheckoutValidator()
    {
        RuleFor(c => c.DeliveryAddressText).NotEmpty().When(c => !c.Pickup)
            .OverridePropertyName("deliveryAddressId").WithErrorCode(CommonErrorCodes.Required).WithMessage("Give a delivery address, or choose pickup.");
        RuleFor(c => c.DeliveryAddressText).Empty().When(c => c.Pickup)
            .OverridePropertyName("deliveryAddressId").WithErrorCode(CommonErrorCodes.Invalid).WithMessage("Give a delivery address or choose pickup, not both.");
        RuleFor(c => c.DeliveryAddressId).NotNull().When(c => !c.Pickup && c.DeliveryAddressText.Length > 0)
            .OverridePropertyName("deliveryAddressId").WithErrorCode(CommonErrorCodes.InvalidId).WithMessage("Not an address id.");
        RuleFor(c => c.PaymentMethod).Must(m => PaymentMethods.All.Contains(m))
            .WithErrorCode(OrderingErrorCodes.InvalidPaymentMethod).WithMessage("Pay with PAY_ON_DELIVERY, PAY_AT_PICKUP or CARD.");
        RuleFor(c => c.PaymentMethod).Must((c, m) => m != (c.Pickup ? PaymentMethods.PayOnDelivery : PaymentMethods.PayAtPickup))
            .When(c => PaymentMethods.All.Contains(c.PaymentMethod))
            .WithErrorCode(OrderingErrorCodes.InvalidPaymentMethod).WithMessage("PAY_ON_DELIVERY goes with delivery, PAY_AT_PICKUP with pickup.");
    }
}
