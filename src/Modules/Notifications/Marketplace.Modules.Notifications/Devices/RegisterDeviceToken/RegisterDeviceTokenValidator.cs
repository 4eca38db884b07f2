using FluentValidation;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Notifications.Devices.RegisterDeviceToken;

internal sealed class RegisterDeviceTokenValidator : AbstractValidator<RegisterDeviceTokenCommand>
{
    public const int MaxDeviceIdLength = 200;
    public const int MaxTokenLength = 4096;

    public static readonly IReadOnlySet<string> Platforms = new HashSet<string>(StringComparer.Ordinal) { "ANDROID", "IOS", "WEB" };

    public RegisterDeviceTokenValidator()
    {
        RuleFor(c => c.DeviceId).Cascade(CascadeMode.Stop)
            .Must(d => !string.IsNullOrWhiteSpace(d)).WithErrorCode(CommonErrorCodes.Required).WithMessage("A device id is required.")
            .MaximumLength(MaxDeviceIdLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"A device id has at most {MaxDeviceIdLength} characters.");
        RuleFor(c => c.Platform).Must(Platforms.Contains)
            .WithErrorCode(NotificationsErrorCodes.InvalidPlatform).WithMessage("One of ANDROID, IOS, WEB.");
        RuleFor(c => c.Token).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithErrorCode(CommonErrorCodes.Required).WithMessage("A push token is required.")
            .MaximumLength(MaxTokenLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"A push token has at most {MaxTokenLength} characters.");
    }
}
