using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationPreferencesUpdatePayloadType : ObjectGraphType<NotificationPreferencesUpdatePayload>
{
    public NotificationPreferencesUpdatePayloadType()
    {
        Name = "NotificationPreferencesUpdatePayload";
        Description = "The result of notificationPreferencesUpdate: all your preferences, or why nothing changed.";
        Field<ListGraphType<NonNullGraphType<NotificationPreferenceType>>>("preferences")
            .Description("Every channel and category after the change (3 × 4 entries); null when the mutation failed.")
            .Resolve(c => c.Source.Preferences);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<NotificationErrors>>>>>("userErrors")
            .Description("Why nothing changed; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
