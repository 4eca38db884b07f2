using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Assets.GetAssets;

internal sealed class GetAssetsValidator : AbstractValidator<GetAssetsQuery>
{
    public GetAssetsValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(GetAssetsQuery.MaxIds).OverridePropertyName("ids")
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"At most {GetAssetsQuery.MaxIds} ids at once.");
}
