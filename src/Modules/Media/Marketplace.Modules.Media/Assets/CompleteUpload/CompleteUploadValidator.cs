using FluentValidation;
using Marketplace.Modules.Media.Storage;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Assets.CompleteUpload;

/// <summary>The parts of a multipart completion: at most S3's 10,000, numbered 1 to 10,000, each once, each with an ETag.</summary>
internal sealed class CompleteUploadValidator : AbstractValidator<CompleteUploadCommand>
{
    public const int MaxETagLength = 200;

    public CompleteUploadValidator()
    {
        RuleFor(c => c.Parts.Count).LessThanOrEqualTo(S3MediaStorage.MaxParts).OverridePropertyName("parts")
            .WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"At most {S3MediaStorage.MaxParts} parts.");
        RuleFor(c => c.Parts).Must(parts => parts.Select(p => p.PartNumber).Distinct().Count() == parts.Count).OverridePropertyName("parts")
            .WithErrorCode(CommonErrorCodes.Invalid).WithMessage("Each part number once.");
        RuleForEach(c => c.Parts).ChildRules(part =>
        {
            part.RuleFor(p => p.PartNumber).InclusiveBetween(1, S3MediaStorage.MaxParts)
                .WithErrorCode(CommonErrorCodes.OutOfRange).WithMessage($"Part numbers run from 1 to {S3MediaStorage.MaxParts}.");
            part.RuleFor(p => p.ETag).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Give the part's ETag.")
                .MaximumLength(MaxETagLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"At most {MaxETagLength} characters.");
        }).OverridePropertyName("parts");
    }
}
