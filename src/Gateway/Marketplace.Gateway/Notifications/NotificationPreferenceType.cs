using GraphQL.Types;
using Marketplace.Modules.Notifications.Contracts.V1;

namespace Marketplace.Gateway.Notifications;

internal sealed class NotificationPreferenceType : ObjectGraphType<Preference>
{
    public NotificationPreferenceType()
    {
        Name = "NotificationPreference";
        Description = "The viewer's choice for one channel and category (the default where they made none).";
        Field<NonNullGraphType<NotificationChannelType>>("channel").Description("The channel.").Resolve(c => c.Source.Channel);
        Field<NonNullGraphType<NotificationCategoryType>>("category").Description("The category.").Resolve(c => c.Source.Category);
        Field<NonNullGraphType<BooleanGraphType>>("enabled").Description("Whether notifications of this category are sent on this channel.").Resolve(c => c.Source.Enabled);
        Field<NonNullGraphType<BooleanGraphType>>("locked").Description("True when it cannot be switched off (ACCOUNT).").Resolve(c => c.Source.Locked);
    }
}
