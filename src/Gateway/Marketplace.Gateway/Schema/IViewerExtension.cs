using GraphQL.Types;
using Marketplace.Gateway.Users;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// Lets an area add fields to <c>Viewer</c> (e.g. <c>viewer.notifications</c>) without editing the Users area's
/// type. Register with <see cref="ViewerExtensionRegistration.AddViewerExtension{T}"/>.
/// </summary>
internal interface IViewerExtension
{
    void ConfigureViewer(ObjectGraphType<ViewerSource> viewer);
}

internal static class ViewerExtensionRegistration
{
    /// <summary>Registers <typeparamref name="T"/> (already a singleton) as a viewer extension too.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddViewerExtension<T>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        where T : class, IViewerExtension =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IViewerExtension>(services, sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(sp));
}
