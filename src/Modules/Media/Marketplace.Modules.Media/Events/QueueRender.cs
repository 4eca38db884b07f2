using Marketplace.Modules.Media.Contracts.Events;
using Marketplace.Modules.Media.Jobs;
using Marketplace.Shared.Events;
using Marketplace.Shared.Jobs;

namespace Marketplace.Modules.Media.Events;

/// <summary>
/// The module's own <c>asset_uploaded.v1</c> → a render job. The event was written with the UPLOADED state, so the
/// job always finds the row committed; if the job store is down the event is redelivered, and a redelivered event is
/// dropped by the inbox (the job's claim also ignores a version that is no longer waiting).
/// </summary>
internal sealed class QueueRender(IJobScheduler jobs) : IEventHandler<AssetUploaded>
{
    public Task HandleAsync(AssetUploaded integrationEvent, CancellationToken cancellationToken)
    {
        jobs.Enqueue<RenderJob>(job => job.RunAsync(integrationEvent.AssetId, integrationEvent.Version, CancellationToken.None));
        return Task.CompletedTask;
    }
}
