using Mediator;

namespace Marketplace.Modules.Notifications.Deliveries.GetDelivery;

/// <summary>One entry of the delivery log; null when there is none with that id.</summary>
internal sealed record GetDeliveryQuery(Guid Id) : IQuery<DeliveryView?>;
