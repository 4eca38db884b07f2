using Amazon.SQS;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Modules.Media.Storage;

/// <summary>
/// With <c>Storage:S3:Provision</c> (development and tests against moto): creates both buckets and points the raw
/// bucket's ObjectCreated notifications under <c>raw/</c> at the event queue, before the host serves. Production buckets,
/// queues, notifications and lifecycle rules come from infrastructure.
/// </summary>
internal sealed class S3Provisioner(S3MediaStorage storage, S3StorageOptions options, IAmazonSQS? sqs = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureBucketsAsync(cancellationToken);
        if (options.EventQueueUrl.Length > 0 && sqs is not null)
            await SqsUploadEventSource.ConfigureAsync(storage.Client, sqs, options.RawBucket, options.EventQueueUrl, MediaKeys.RawPrefix, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
