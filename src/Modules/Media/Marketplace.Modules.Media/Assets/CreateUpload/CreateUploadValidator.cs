using FluentValidation;
using Marketplace.Modules.Media.Contracts;
using Marketplace.Modules.Media.Domain;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Media.Assets.CreateUpload;

/// <summary>
/// The purpose, the declared type (accepted for the purpose's kind) and size (within the purpose's cap), and the target
/// the purpose needs: a store for logos and banners, a product or a store for product media.
/// </summary>
internal sealed class CreateUploadValidator : AbstractValidator<CreateUploadCommand>
{
    public const int MaxContentTypeLength = 100;

    public CreateUploadValidator(MediaOptions options)
    {
        RuleFor(c => c.Purpose).Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Say what the file is for.")
            .Must(p => AssetPurpose.All.Contains(p)).WithErrorCode(CommonErrorCodes.Invalid)
            .WithMessage($"The purpose is one of {string.Join(", ", AssetPurpose.All)}.");

        When(c => AssetPurpose.All.Contains(c.Purpose), () =>
        {
            RuleFor(c => c.ContentType).Cascade(CascadeMode.Stop)
                .NotEmpty().WithErrorCode(CommonErrorCodes.Required).WithMessage("Give the file's content type.")
                .MaximumLength(MaxContentTypeLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"At most {MaxContentTypeLength} characters.")
                .Must((c, type) => MediaSniffer.KindOf(MediaSniffer.FromContentType(type)) == Kind(c.Purpose))
                .WithErrorCode(MediaErrorCodes.UnsupportedFormat)
                .WithMessage(c => $"Accepted here: {string.Join(", ", MediaSniffer.AcceptedContentTypes(Kind(c.Purpose)))}.");

            RuleFor(c => c.ByteSize).Cascade(CascadeMode.Stop)
                .GreaterThan(0).WithErrorCode(MediaErrorCodes.TooSmall).WithMessage("The size is at least one byte.")
                .Must((c, size) => size <= UploadRules.For(c.Purpose, options.Uploads).MaxBytes).WithErrorCode(MediaErrorCodes.TooLarge)
                .WithMessage(c => $"At most {UploadRules.For(c.Purpose, options.Uploads).MaxBytes} bytes are accepted for {c.Purpose}.");

            RuleFor(c => c.StoreId)
                .NotEmpty().When(c => AssetPurpose.ForStore(c.Purpose)).WithErrorCode(CommonErrorCodes.Required)
                .WithMessage("Name the store the file is for.");
            RuleFor(c => c.ProductId)
                .NotEmpty().When(c => !AssetPurpose.ForStore(c.Purpose) && c.StoreId.Length == 0).WithErrorCode(CommonErrorCodes.Required)
                .WithMessage("Name the product the file is for (or, before it exists, its store).");
        });
    }

    private static MediaKind Kind(string purpose) => UploadRules.KindOf(purpose) == AssetKind.Video ? MediaKind.Video : MediaKind.Image;
}
