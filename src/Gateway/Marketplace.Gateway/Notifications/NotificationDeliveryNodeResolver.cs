using GraphQL;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Execution;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Notifications;

/// <summary>
/// <c>node(id:)</c> for delivery log entries: administrators only, like <c>notificationDeliveries</c>. Anyone else gets
/// null (as for an entry that does not exist), not an error that would tell the id is real.
/// </summary>
internal sealed class NotificationDeliveryNodeResolver : INodeResolver
{
    public string TypeName => NotificationsArea.DeliveryTypeName;

    public Type ClrType => typeof(DeliveryLogEntry);

    public async Task<object?> ResolveAsync(string id, IResolveFieldContext context) =>
        context.GetCaller().IsInRole(Roles.Admin)
            ? await ContractCalls.OrNullAsync(async () => await NotificationsArea.Delivery(context).GetDeliveryAsync(new GetDeliveryRequest { Id = id }, cancellationToken: context.CancellationToken))
            : null;
}
