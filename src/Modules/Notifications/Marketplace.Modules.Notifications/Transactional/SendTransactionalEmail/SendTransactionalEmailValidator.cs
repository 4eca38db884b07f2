using FluentValidation;
using FluentValidation.Results;
using Marketplace.Modules.Notifications.Contracts;
using Marketplace.Modules.Notifications.Domain;
using Marketplace.Modules.Notifications.Templates;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Notifications.Transactional.SendTransactionalEmail;

internal sealed class SendTransactionalEmailValidator : AbstractValidator<SendTransactionalEmailCommand>
{
    public const int MaxIdempotencyKeyLength = 150;

    public SendTransactionalEmailValidator(TemplateCatalog templates)
    {
        RuleFor(c => c.Template)
            .Must(t => IsTransactional(templates.Find(t)))
            .WithErrorCode(NotificationsErrorCodes.UnknownTemplate).WithMessage(c => $"'{c.Template}' is not a transactional email template.");
        RuleFor(c => c.RecipientEmail).NotNull().WithErrorCode(NotificationsErrorCodes.InvalidEmail).WithMessage("Not an email address.");
        RuleFor(c => c.IdempotencyKey).Cascade(CascadeMode.Stop)
            .Must(k => !string.IsNullOrWhiteSpace(k)).WithErrorCode(CommonErrorCodes.Required).WithMessage("An idempotency key is required.")
            .MaximumLength(MaxIdempotencyKeyLength).WithErrorCode(CommonErrorCodes.TooLong).WithMessage($"An idempotency key has at most {MaxIdempotencyKeyLength} characters.");
        RuleFor(c => c.RecipientUserId)
            .Must(id => id.Length == 0 || Guid.TryParse(id, out _)).WithErrorCode(CommonErrorCodes.InvalidId).WithMessage("Not a user id.");
        RuleFor(c => c.Data).Custom((data, context) =>
        {
            // Only a known template says which variables it needs.
            if (templates.Find(context.InstanceToValidate.Template) is not { } definition || !IsTransactional(definition))
                return;
            foreach (var variable in definition.Variables.Where(v => string.IsNullOrEmpty(data.GetValueOrDefault(v))))
                context.AddFailure(new ValidationFailure($"data.{variable}", $"The template needs '{variable}'.") { ErrorCode = CommonErrorCodes.Required });
        });
    }

    private static bool IsTransactional(TemplateDefinition? definition) => definition is { Category: Category.Account, HasEmail: true };
}
