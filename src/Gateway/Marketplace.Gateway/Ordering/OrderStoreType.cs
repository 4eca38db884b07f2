using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>OrderStore</c>: a store as a checkout or an order keeps it.</summary>
internal sealed class OrderStoreType : ObjectGraphType<StoreSnapshot>
{
    public OrderStoreType()
    {
        Name = "OrderStore";
        Description = "A store as it was when the checkout was priced or the order placed (frozen in an order: a store that moves or renames later changes nothing here).";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The Store's global id.").Resolve(c => GlobalId.Encode(SellersArea.StoreTypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("name").Description("Its name then.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("slug").Description("Its slug then.").Resolve(c => c.Source.Slug);
        Field<NonNullGraphType<StringGraphType>>("address").Description("Its street address then.").Resolve(c => c.Source.Address);
        Field<NonNullGraphType<GeoPointType>>("location").Description("Where it was.").Resolve(c => c.Source.Location);
        Field<NonNullGraphType<StringGraphType>>("contactEmail").Description("Its contact address then.").Resolve(c => c.Source.ContactEmail);
        Field<NonNullGraphType<StringGraphType>>("contactPhone").Description("Its contact phone then.").Resolve(c => c.Source.ContactPhone);
        Field<StoreType>("store").Description("The store as it is now; null when it is no longer open.").Resolve(c => CatalogLoaders.Store(c, c.Source.Id));
    }
}
