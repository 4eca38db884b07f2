using GraphQL.Types;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// Lets an area add fields to <c>Store</c> (e.g. <c>store.products</c> from Catalog) without editing the Sellers
/// area's type, as <see cref="IViewerExtension"/> does for <c>Viewer</c>. Register with
/// <see cref="StoreExtensionRegistration.AddStoreExtension{T}"/>.
/// </summary>
internal interface IStoreExtension
{
    void ConfigureStore(ObjectGraphType<Store> store);
}

internal static class StoreExtensionRegistration
{
    /// <summary>Registers <typeparamref name="T"/> (already a singleton) as a store extension too.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddStoreExtension<T>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        where T : class, IStoreExtension =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IStoreExtension>(services, sp =>
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(sp));
}
