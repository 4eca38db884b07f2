using Grpc.Core;
using Marketplace.Modules.Notifications.Contracts.V1;
using Marketplace.Modules.Notifications.Deliveries;
using Marketplace.Modules.Notifications.Deliveries.GetDelivery;
using Marketplace.Modules.Notifications.Deliveries.ListDeliveries;
using Marketplace.Modules.Notifications.Transactional.SendTransactionalEmail;
using Marketplace.Shared.Contracts;
using Mediator;

namespace Marketplace.Modules.Notifications.GrpcServices;

/// <summary>
/// The <c>NotificationsDelivery</c> contract: transactional email for other modules (a request's data may hold a
/// secret link: it is never logged), and the delivery log for administrators and modules.
/// </summary>
internal sealed class NotificationsDeliveryGrpcService(ISender mediator) : NotificationsDelivery.NotificationsDeliveryBase
{
    public override async Task<SendTransactionalEmailResponse> SendTransactionalEmail(SendTransactionalEmailRequest request, ServerCallContext context)
    {
        var module = CallerRequirements.Service();
        var notificationId = await mediator.Send(SendTransactionalEmailCommand.From(module, request), context.CancellationToken);
        return new SendTransactionalEmailResponse { NotificationId = notificationId.ToString() };
    }

    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        CallerRequirements.AdminOrService();
        var result = await mediator.Send(ListDeliveriesQuery.From(request), context.CancellationToken);
        return new ListDeliveriesResponse { Entries = { result.Items.Select(d => d.ToContract()) }, PageInfo = result.PageInfo() };
    }

    public override async Task<DeliveryLogEntry> GetDelivery(GetDeliveryRequest request, ServerCallContext context)
    {
        CallerRequirements.AdminOrService();
        var delivery = await mediator.Send(new GetDeliveryQuery(DeliveryRows.ParseId(request.Id)), context.CancellationToken) ?? throw DeliveryRows.NotFound();
        return delivery.ToContract();
    }
}
