using FluentValidation;
using Marketplace.Shared.Contracts;

namespace Marketplace.Modules.Users.Profiles.GetUsers;

internal sealed class GetUsersValidator : AbstractValidator<GetUsersQuery>
{
    public GetUsersValidator() =>
        RuleFor(q => q.Ids.Count).LessThanOrEqualTo(GetUsersQuery.MaxIds).OverridePropertyName("ids")
            .WithErrorCode(CommonErrorCodes.TooManyIds).WithMessage($"Ask for at most {GetUsersQuery.MaxIds} users at once.");
}
