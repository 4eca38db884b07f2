using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.DataLoading;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary>
/// <c>Cart</c>: the signed-in buyer's open cart. The module keeps variant ids and quantities; titles, prices, stock and
/// stores are read now (hydrated through the request's loaders).
/// </summary>
internal sealed class CartType : ObjectGraphType<Cart>
{
    public CartType()
    {
        Name = OrderingArea.CartTypeName;
        Description = "Your cart: what you mean to buy, from one or several stores, in one currency. At most 100 different variants, 1 to 99 of each. Prices, stock and stores are read when you ask (a change of price shows at once).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is Cart;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; node(id:) answers it to you only.").Resolve(c => GlobalId.Encode(OrderingArea.CartTypeName, c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineType>>>>("lines")
            .Description("The lines in the order they were first added (at most 100). A line whose product or store is no longer on sale stays, marked unavailable, until you remove it.")
            .Resolve(c => c.Source.Lines.Select(l => new CartLineSource(l, c.Source.CurrencyCode)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartStoreGroupType>>>>("storeGroups")
            .Description("The lines grouped by store, in the order each store first appears: each store becomes one order at checkout.")
            .Resolve(c => c.Source.Lines.GroupBy(l => l.StoreId).Select(g => new CartStoreGroup(g.Key, g.ToList(), c.Source.CurrencyCode)).ToList());
        Field<NonNullGraphType<IntGraphType>>("lineCount").Description("How many lines (different variants), at most 100.").Resolve(c => c.Source.Lines.Count);
        Field<NonNullGraphType<IntGraphType>>("totalQuantity").Description("How many units in all.").Resolve(c => c.Source.Lines.Sum(l => l.Quantity));
        Field<StringGraphType>("currencyCode").Description("The cart's currency (ISO 4217), set by its first line; null while it is empty.")
            .Resolve(c => c.Source.CurrencyCode.Length == 0 ? null : c.Source.CurrencyCode);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MoneyType>>>>("totals")
            .Description("The current price of the lines on sale, summed per currency (one entry in a cart of one currency; none when nothing is on sale). Checkout prices the cart again.")
            .Resolve(c => CartHydration.Lines(c, c.Source.Lines, c.Source.CurrencyCode).Then(CartHydration.Totals));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Description("When the cart was started.").Resolve(c => Timestamps.Parse(c.Source.CreatedAt));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("updatedAt").Description("When its lines last changed.").Resolve(c => Timestamps.Parse(c.Source.UpdatedAt));
    }
}
