using GraphQL.Types;
using Marketplace.Gateway.Catalog;

namespace Marketplace.Gateway.Schema;

/// <summary>
/// Lets an area add fields to <c>ProductVariant</c> (e.g. <c>variant.inventory</c> from Inventory) without editing the
/// Catalog area's type, as <see cref="IStoreExtension"/> does for <c>Store</c>. Each field's source is the variant with
/// its product (Catalog's contract messages). Register with <see cref="ProductVariantExtensionRegistration.AddProductVariantExtension{T}"/>.
/// </summary>
internal interface IProductVariantExtension
{
    void ConfigureVariant(ObjectGraphType<VariantSource> variant);
}

internal static class ProductVariantExtensionRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton variant extension.</summary>
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddProductVariantExtension<T>(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        where T : class, IProductVariantExtension =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IProductVariantExtension, T>(services);
}
