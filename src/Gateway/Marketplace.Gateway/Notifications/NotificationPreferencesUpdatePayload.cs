using Google.Protobuf.Collections;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Errors;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

/// <summary>What <c>notificationPreferencesUpdate</c> answers: every preference after the change, or the userErrors.</summary>
internal sealed record NotificationPreferencesUpdatePayload(IReadOnlyList<Preference>? Preferences, IReadOnlyList<UserError> UserErrors)
{
    /// <summary>Invalid input (an unknown channel or category, switching ACCOUNT off) becomes userErrors.</summary>
    public static async Task<NotificationPreferencesUpdatePayload> RunAsync(Func<Task<RepeatedField<Preference>>> call) =>
        await ContractCalls.PayloadAsync(async () => new NotificationPreferencesUpdatePayload([.. await call()], []), errors => new NotificationPreferencesUpdatePayload(null, errors));
}
