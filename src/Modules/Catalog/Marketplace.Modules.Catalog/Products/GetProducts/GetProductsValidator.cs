using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Catalog.Products.GetProducts;

internal sealed class GetProductsValidator : AbstractValidator<GetProductsQuery>
{
    public const int MaxBatch = 200;

    public GetProductsValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(MaxBatch)
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {MaxBatch} products at once.")
            .OverridePropertyName("ids");
}
