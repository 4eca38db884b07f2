using Marketplace.Modules.Ordering.GrpcServices;
using Marketplace.Shared.Modules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Modules.Ordering.Live;

/// <summary>The live part of the module (contract <c>OrderingLive</c>), registered by <see cref="OrderingModule"/> in one line.</summary>
internal static class OrderLive
{
    public static void Register(ModuleBuilder module)
    {
        module.Services.AddSingleton(module.Settings.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions());
        module.Services.AddSingleton<OrderLiveFeed>();
        module.AddContract<OrderingLiveGrpcService>();
    }
}
