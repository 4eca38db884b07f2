using GraphQL;
using GraphQL.Types;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Errors;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Sellers;
using Marketplace.Gateway.Users;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>CartStoreGroup</c>: the lines of one store, which become one order at checkout.</summary>
internal sealed class CartStoreGroupType : ObjectGraphType<CartStoreGroup>
{
    public CartStoreGroupType()
    {
        Name = "CartStoreGroup";
        Description = "The lines of your cart from one store: one order at checkout.";
        Field<NonNullGraphType<IdGraphType>>("storeId").Description("The Store's global id (also when the store is no longer open).")
            .Resolve(c => GlobalId.Encode(SellersArea.StoreTypeName, c.Source.StoreId));
        Field<StoreType>("store").Description("The store; null when it is not open (closed or suspended): its lines cannot be checked out.")
            .Resolve(c => CatalogLoaders.Store(c, c.Source.StoreId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineType>>>>("lines").Description("The store's lines, in cart order.")
            .Resolve(c => c.Source.Lines.Select(l => new CartLineSource(l, c.Source.CartCurrency)).ToList());
        Field<MoneyType>("subtotal").Description("The current price of the store's lines on sale, in the cart's currency; null when none is on sale.")
            .Resolve(c => CartHydration.Lines(c, c.Source.Lines, c.Source.CartCurrency)
                .Then(lines => CartHydration.Totals(lines).FirstOrDefault(m => m.CurrencyCode == c.Source.CartCurrency)));
        Field<BooleanGraphType>("deliversTo")
            .Description("Whether the store delivers to one of your addresses (within its service radius); null when the address is not one of yours or the store is not open.")
            .Argument<NonNullGraphType<IdGraphType>>("addressId", "An Address of your address book.")
            .ResolveAsync(async c =>
            {
                var addressId = c.GetIdArgument("addressId", UsersArea.AddressTypeName)!;
                var address = await ContractCalls.OrNullAsync(async () => await UsersArea.Profiles(c).GetAddressAsync(new GetAddressRequest { Id = addressId }, cancellationToken: c.CancellationToken));
                if (address?.Fields.Location is not { } location)
                    return null;
                var answer = await ContractCalls.OrNullAsync(async () => await SellersArea.Stores(c).DeliversToAsync(
                    new DeliversToRequest { StoreId = c.Source.StoreId, Location = location }, cancellationToken: c.CancellationToken));
                return answer?.Delivers;
            });
    }
}
