using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CheckoutStore</c>: one store of a checkout, which becomes one order.</summary>
internal sealed class CheckoutStoreType : ObjectGraphType<CheckoutStore>
{
    public CheckoutStoreType()
    {
        Name = "CheckoutStore";
        Description = "One store of a checkout: its lines become one order.";
        Field<NonNullGraphType<OrderStoreType>>("store").Description("The store as priced.").Resolve(c => c.Source.Store);
        Field<NonNullGraphType<MoneyType>>("subtotal").Description("The store's lines' total.").Resolve(c => CatalogValues.Money(c.Source.Subtotal));
        Field<NonNullGraphType<IntGraphType>>("itemCount").Description("Units from this store.").Resolve(c => c.Source.ItemCount);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters").Description("Delivery: the distance from the store to the address; 0 for pickup.").Resolve(c => c.Source.DistanceMeters);
    }
}
