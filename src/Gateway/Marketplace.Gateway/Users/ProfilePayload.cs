using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Users;

/// <summary>What the profile mutations answer: you after the change and what was sent to confirm it, or the userErrors.</summary>
internal sealed record ProfilePayload(ViewerSource? Viewer, bool PhoneCodeSent, bool EmailVerificationSent, IReadOnlyList<UserError> UserErrors)
{
    public static Task<ProfilePayload> RunAsync(Func<Task<ProfilePayload>> call) =>
        ContractCalls.PayloadAsync(call, errors => new ProfilePayload(null, false, false, errors));
}
