using Amazon.S3;
using Amazon.SQS.Model;
using Marketplace.Modules.Media;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Notifications.Contracts.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Media.Tests.Support;

/// <summary>
/// A second host, in S3 mode against moto_server (scripts/services.sh): its own buckets and event queue (provisioned at
/// start-up: buckets, and the raw bucket's ObjectCreated notifications to the queue), its own database, NATS subject
/// prefix and job keys. Deliveries are signed for a CloudFront distribution that does not exist here; the tests verify
/// them with the host's own verifier, the checks CloudFront makes.
/// </summary>
public sealed class MediaS3App : MarketplaceFactory, IAsyncLifetime, IRecordsEmails
{
    public const string DeliveryBase = "https://media.example.test/";
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    public RecordingNotifications Emails { get; } = new();

    internal S3StorageOptions S3 { get; } = MediaTestEnvironment.NewS3Options();

    public string QueueUrl { get; private set; } = "";

    public string Database { get; private set; } = "";

    public string SubjectPrefix => $"ms{_run}";

    public AmazonS3Client Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestServices.CreateDatabaseAsync("medias3");
        using (var sqs = MediaTestEnvironment.NewSqsClient())
            QueueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = $"media-events-{_run}" })).QueueUrl;
        Client = S3MediaStorage.CreateClient(S3);
        With("ConnectionStrings:Marketplace", Database);
        With("Gateway:RateLimitPerIp", "0");
        With("Gateway:RateLimitPerUser", "0");
        With("Events:SubjectPrefix", SubjectPrefix);
        With("Events:Consumers:Backoff:0", "00:00:01");
        With("Events:Streams:MaxBytes", "16777216");
        With("Jobs:Prefix", $"test:ms{_run}:");
        With("Jobs:PollInterval", "00:00:01");
        With("Modules:Media:Storage:Provider", "S3");
        With("Modules:Media:Storage:S3:ServiceUrl", S3.ServiceUrl);
        With("Modules:Media:Storage:S3:Region", S3.Region);
        With("Modules:Media:Storage:S3:AccessKeyId", S3.AccessKeyId);
        With("Modules:Media:Storage:S3:SecretAccessKey", S3.SecretAccessKey);
        With("Modules:Media:Storage:S3:RawBucket", S3.RawBucket);
        With("Modules:Media:Storage:S3:RenditionsBucket", S3.RenditionsBucket);
        With("Modules:Media:Storage:S3:EventQueueUrl", QueueUrl);
        With("Modules:Media:Storage:S3:Provision", "true");
        With("Modules:Media:Delivery:BaseUrl", DeliveryBase);
        With("Modules:Media:Lifecycle:SweepInterval", "00:00:01");
        _ = Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Client?.Dispose();
        if (Database.Length > 0)
        {
            await MediaApp.DeleteStreamsAsync(SubjectPrefix);
            await TestServices.DropDatabaseAsync(Database);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(new NotificationsDelivery.NotificationsDeliveryClient(Emails)));
    }
}
