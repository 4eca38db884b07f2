using FluentValidation;
using Codes = Marketplace.Modules.Catalog.Contracts.CatalogErrorCodes.Search;

namespace Marketplace.Modules.Catalog.Search.StartSearchReindex;

internal sealed class StartSearchReindexValidator : AbstractValidator<StartSearchReindexCommand>
{
    public StartSearchReindexValidator(SearchOptions options) =>
        RuleFor(c => c.BatchSize).Must(size => (size == 0 ? options.ReindexBatchSize : size) is >= SearchReindexer.MinBatchSize and <= SearchReindexer.MaxBatchSize)
            .WithErrorCode(Codes.InvalidBatchSize).WithMessage($"Use {SearchReindexer.MinBatchSize} to {SearchReindexer.MaxBatchSize} products per batch.");
}
