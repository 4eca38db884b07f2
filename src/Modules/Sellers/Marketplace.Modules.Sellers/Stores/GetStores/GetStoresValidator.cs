using FluentValidation;
using Marketplace.Modules.Sellers.Domain;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Sellers.Stores.GetStores;

internal sealed class GetStoresValidator : AbstractValidator<GetStoresQuery>
{
    public GetStoresValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(StoreRules.MaxBatch)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {StoreRules.MaxBatch} stores at once.")
            .OverridePropertyName("ids");
}
