using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationPreferencesUpdateInputType : InputObjectGraphType
{
    public NotificationPreferencesUpdateInputType()
    {
        Name = "NotificationPreferencesUpdateInput";
        Description = "The preferences to change; the others stay as they are.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceInputType>>>>("preferences")
            .Description("The choices, applied in order (a later entry for the same channel and category wins); at most as many as the request's size limits allow.");
    }
}
