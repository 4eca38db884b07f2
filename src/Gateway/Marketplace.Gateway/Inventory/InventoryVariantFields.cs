using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Inventory;

/// <summary><c>ProductVariant.availableForSale</c>, <c>quantityAvailable</c> (everyone) and <c>inventory</c> (its seller).</summary>
internal sealed class InventoryVariantFields : IProductVariantExtension
{
    public void ConfigureVariant(ObjectGraphType<VariantSource> variant)
    {
        variant.Field<NonNullGraphType<BooleanGraphType>>("availableForSale")
            .Description("Whether a buyer can order it now: some is available, or it is not counted (a service), or it takes backorders.")
            .Resolve(c => InventoryLoaders.Availability(c, c.Source.Variant.Id).Then(a => a?.AvailableForSale ?? false));

        variant.Field<IntGraphType>("quantityAvailable")
            .Description("Units that can be ordered now (never negative); null when the variant is not counted.")
            .Resolve(c => InventoryLoaders.Availability(c, c.Source.Variant.Id).Then(a => a is null ? 0 : a.HasQuantityAvailable ? a.QuantityAvailable : (int?)null));

        variant.Field<InventoryLevelType>("inventory")
            .Description("The stock of the variant: only for the seller who runs its store (and administrators); null for anyone else.")
            .Resolve(c => CallContext.Current.Caller.Kind == CallerKind.User ? InventoryLoaders.Level(c, c.Source.Variant.Id) : null);
    }
}
