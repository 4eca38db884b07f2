using GraphQL.Types;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationPreferenceInputType : InputObjectGraphType
{
    public NotificationPreferenceInputType()
    {
        Name = "NotificationPreferenceInput";
        Description = "One choice: a channel and category on or off.";
        Field<NonNullGraphType<NotificationChannelType>>("channel").Description("The channel.");
        Field<NonNullGraphType<NotificationCategoryType>>("category").Description("The category (ACCOUNT cannot be switched off).");
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Description("Whether to send notifications of this category on this channel.");
    }
}
