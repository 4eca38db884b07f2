using System.Globalization;
using FluentValidation;
using Marketplace.Shared.Contracts;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Search;

namespace Marketplace.Modules.Catalog.Search.ProductsNear;

/// <summary>Everything but the category's existence (the handler resolves its path): one answer with every field at fault.</summary>
internal sealed class ProductsNearValidator : AbstractValidator<ProductsNearQuery>
{
    private static readonly string PriceMessage = $"Give a decimal amount from 0 to {ProductSearch.MaxPrice}.";

    public ProductsNearValidator()
    {
        RuleFor(q => q.Location).ChildRules(point =>
        {
            point.RuleFor(p => p.Latitude).Must(l => double.IsFinite(l) && l is >= -90 and <= 90)
                .WithErrorCode(CommonErrorCodes.InvalidCoordinates).WithMessage("Latitude is between -90 and 90.");
            point.RuleFor(p => p.Longitude).Must(l => double.IsFinite(l) && l is >= -180 and <= 180)
                .WithErrorCode(CommonErrorCodes.InvalidCoordinates).WithMessage("Longitude is between -180 and 180.");
        });
        RuleFor(q => q.RadiusKm).Must(r => double.IsFinite(r) && r is > 0 and <= ProductSearch.MaxRadiusKm)
            .WithErrorCode(Codes.InvalidRadius).WithMessage($"Use a radius above 0 and at most {ProductSearch.MaxRadiusKm} km.");
        RuleFor(q => q.Text!).MaximumLength(ProductSearch.MaxQueryLength).When(q => q.Text is not null)
            .WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"Use at most {ProductSearch.MaxQueryLength} characters.").OverridePropertyName("query");
        RuleFor(q => q.PriceMin).Must(IsPriceBound).WithErrorCode(Codes.InvalidPrice).WithMessage(PriceMessage);
        RuleFor(q => q.PriceMax).Must(IsPriceBound).WithErrorCode(Codes.InvalidPrice).WithMessage(PriceMessage);
        RuleFor(q => q.PriceMax).Must((q, max) => !(TryPrice(q.PriceMin, out var low) && TryPrice(max, out var high) && low > high))
            .WithErrorCode(Codes.InvalidPriceRange).WithMessage("priceMax cannot be below priceMin.");
        RuleFor(q => q.First).InclusiveBetween(0, ProductSearch.MaxPageSize)
            .WithErrorCode(Codes.InvalidPageSize).WithMessage($"Ask for at most {ProductSearch.MaxPageSize} products.");
        RuleFor(q => q.Sort).Must((q, _) => q.Order != SearchSort.Relevance || q.Text is not null)
            .WithErrorCode(Codes.QueryRequired).WithMessage("RELEVANCE needs a query.");
        RuleFor(q => q.After).Must((q, after) => after.Length == 0 || (SearchKey.TryParse(after, out var key) && key!.Sort == q.Order))
            .WithErrorCode(CommonErrorCodes.InvalidCursor).WithMessage("The cursor is not one this search returned.");
    }

    /// <summary>Empty (unbounded) or a price bound.</summary>
    private static bool IsPriceBound(string text) => text.Length == 0 || TryPrice(text, out _);

    /// <summary>A price bound: a non-negative decimal text without sign or exponent, at most the largest price.</summary>
    private static bool TryPrice(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value <= ProductSearch.MaxPrice;
}
