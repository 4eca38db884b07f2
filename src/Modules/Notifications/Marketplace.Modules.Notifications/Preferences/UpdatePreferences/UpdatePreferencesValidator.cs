using FluentValidation;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;

namespace Marketplace.Modules.Notifications.Preferences.UpdatePreferences;

internal sealed class UpdatePreferencesValidator : AbstractValidator<UpdatePreferencesCommand>
{
    public UpdatePreferencesValidator() =>
        RuleForEach(c => c.Preferences).ChildRules(preference =>
        {
            preference.RuleFor(p => p.Channel).Must(c => WireNames.ParseChannel(c) is not null)
                .WithErrorCode(NotificationsErrorCodes.InvalidChannel).WithMessage("One of EMAIL, PUSH, IN_APP.");
            preference.RuleFor(p => p.Category).Must(c => WireNames.ParseCategory(c) is not null)
                .WithErrorCode(NotificationsErrorCodes.InvalidCategory).WithMessage("One of ACCOUNT, ORDERS, FOLLOWED_STORES, MARKETING.");
            preference.RuleFor(p => p.Enabled).Equal(true)
                .When(p => WireNames.ParseCategory(p.Category) is { } category && Preference.IsLocked(category))
                .WithErrorCode(NotificationsErrorCodes.Locked).WithMessage("Account and security notifications cannot be switched off.");
        });
}
