using Amazon.Runtime;
using Amazon.SQS;
using Marketplace.Modules.Catalog.Contracts.Events;
using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Media.Assets;
using Marketplace.Modules.Media.Assets.TakeStoredObject;
using Marketplace.Modules.Media.Contracts.Events;
using Marketplace.Modules.Media.Delivery;
using Marketplace.Modules.Media.Events;
using Marketplace.Modules.Media.GrpcServices;
using Marketplace.Modules.Media.Images;
using Marketplace.Modules.Media.Jobs;
using Marketplace.Modules.Media.Lifecycle;
using Marketplace.Modules.Media.Persistence;
using Marketplace.Modules.Media.Storage;
using Marketplace.Modules.Media.Uploads;
using Marketplace.Modules.Media.Video;
using Marketplace.Modules.Sellers.Contracts.Events;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Mediator;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Modules.Media;

/// <summary>The Media module's entry type: everything the host needs to load it.</summary>
public sealed class MediaModule : IModule
{
    public const string ModuleName = "Media";

    public string Name => ModuleName;

    public string Schema => MediaDbContext.SchemaName;

    public void Register(ModuleBuilder module)
    {
        // Checked now, so a wrong setting stops the host at start-up with one line naming it.
        var options = MediaSettings.Load(module.Configuration);
        var development = string.Equals(module.Configuration[Microsoft.Extensions.Hosting.HostDefaults.EnvironmentKey], Microsoft.Extensions.Hosting.Environments.Development, StringComparison.OrdinalIgnoreCase);
        var (signer, verifier) = MediaSettings.Keys(options, development);
        var services = module.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(options.Uploads);
        services.AddSingleton(options.Images);
        services.AddSingleton(options.Video);
        services.AddSingleton(options.Delivery);
        services.AddSingleton(options.Lifecycle);
        services.AddSingleton(signer);
        services.AddSingleton(verifier);
        // Signed URLs are cached per expiry bucket (DeliveryUrls): bounded, so a crawl of every asset cannot grow it.
        services.AddSingleton(sp => new DeliveryUrls(signer, options.Delivery, sp.GetRequiredService<TimeProvider>(), new MemoryCache(new MemoryCacheOptions { SizeLimit = 50_000 })));
        AddStorage(module, options);

        services.AddSingleton<UploadPlanner>();
        services.AddSingleton<ImageInspector>();
        services.AddSingleton<ImageRenderer>();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<VideoProbe>();
        services.AddSingleton<HlsRenderer>();
        services.AddSingleton<VideoProcessor>();
        services.AddScoped<UploadAcceptance>();
        services.AddScoped<TargetAccess>();
        services.AddScoped<AssetViews>();
        services.AddScoped<AssetReferences>();
        services.AddContractClient<SellersStores.SellersStoresClient>("Sellers");
        services.AddContractClient<CatalogProducts.CatalogProductsClient>("Catalog");
        services.AddHostedService<Housekeeping>();

        module.AddDbContext<MediaDbContext>();
        module.AddContract<MediaAssetsGrpcService>();
        module.AddJob<RenderJob>();
        module.AddEventConsumer<QueueRender, AssetUploaded>();
        module.AddEventConsumer<TrackStoreMedia, StoreMediaChanged>();
        module.AddEventConsumer<TrackProductMedia, ProductMediaChanged>();
        module.AddSeeder<DemoData.MediaDemoData>();
    }

    private static void AddStorage(ModuleBuilder module, MediaOptions options)
    {
        var services = module.Services;
        if (options.Storage.Provider == StorageProvider.S3)
        {
            var s3 = options.Storage.S3;
            services.AddSingleton(s3);
            services.AddSingleton(sp => new S3MediaStorage(s3, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IMediaStorage>(sp => sp.GetRequiredService<S3MediaStorage>());
            if (s3.EventQueueUrl.Length > 0)
            {
                services.AddSingleton<IAmazonSQS>(_ => Sqs(s3));
                services.AddSingleton(sp => new SqsUploadEventSource(sp.GetRequiredService<IAmazonSQS>(), s3.EventQueueUrl));
                services.AddHostedService<SqsUploadListener>();
            }

            if (s3.Provision)
                services.AddHostedService(sp => new S3Provisioner(sp.GetRequiredService<S3MediaStorage>(), s3, sp.GetService<IAmazonSQS>()));
            return;
        }

        var local = options.Storage.LocalDisk;
        var largest = Math.Max(options.Uploads.ImageMaxBytes, options.Uploads.VideoMaxBytes);
        services.AddSingleton(local);
        services.AddSingleton(_ => PostPolicySigner.FromOptions(local));
        services.AddSingleton<PostPolicyChecker>();
        // Created when first used: a process that never serves media never creates the directories.
        services.AddSingleton(sp => new LocalDiskMediaStorage(local, sp.GetRequiredService<PostPolicySigner>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMediaStorage>(sp => sp.GetRequiredService<LocalDiskMediaStorage>());
        services.AddSingleton(sp => new LocalUploadEndpoint(
            sp.GetRequiredService<LocalDiskMediaStorage>(), sp.GetRequiredService<PostPolicyChecker>(), sp.GetRequiredService<TimeProvider>(), largest,
            (key, cancellationToken) => TakeAsync(sp, key, cancellationToken)));
        services.AddSingleton<LocalDeliveryEndpoint>();
        services.AddSingleton<UploadRateLimiter>();
        module.MapEndpoints(app => LocalEndpoints.Map(app, options));
    }

    /// <summary>The local upload endpoint's "event notification": the module takes the stored object at once.</summary>
    private static async Task TakeAsync(IServiceProvider services, string key, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        using var context = CallContext.Push(CallContext.Current with { Caller = Caller.Service(ModuleName) });
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new TakeStoredObjectCommand(key), cancellationToken);
    }

    private static AmazonSQSClient Sqs(S3StorageOptions s3)
    {
        var config = new AmazonSQSConfig();
        if (s3.ServiceUrl.Length > 0)
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        }

        return s3.AccessKeyId.Length > 0 ? new AmazonSQSClient(new BasicAWSCredentials(s3.AccessKeyId, s3.SecretAccessKey), config) : new AmazonSQSClient(config);
    }
}
