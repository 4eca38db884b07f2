using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Gateway.Schema;
using Marketplace.Modules.Ordering.Contracts.V1;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Ordering;

/// <summary><c>cartLinesAdd</c>, <c>cartLinesUpdate</c>, <c>cartLinesRemove</c>: buyers, on their own cart only.</summary>
internal sealed class CartMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CartPayloadType<CartLinesAdd>>>("cartLinesAdd")
            .Description("Buyers: adds variants to your cart (starting one when needed); a variant already there adds to its quantity. All lines or none.")
            .Argument<NonNullGraphType<CartLinesAddInputType>>("input", "The lines to add.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await CartPayload.RunAsync(async () =>
                await OrderingArea.Carts(c).AddCartLinesAsync(new AddCartLinesRequest { Lines = { Lines(c.Input()) } }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<CartPayloadType<CartLinesUpdate>>>("cartLinesUpdate")
            .Description("Buyers: sets the quantity of lines of your cart (0 removes a line). All lines or none.")
            .Argument<NonNullGraphType<CartLinesUpdateInputType>>("input", "The lines and their new quantities.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await CartPayload.RunAsync(async () =>
                await OrderingArea.Carts(c).UpdateCartLinesAsync(new UpdateCartLinesRequest { Lines = { Lines(c.Input()) } }, cancellationToken: c.CancellationToken)));

        mutation.Field<NonNullGraphType<CartPayloadType<CartLinesRemove>>>("cartLinesRemove")
            .Description("Buyers: removes lines of your cart. All or none.")
            .Argument<NonNullGraphType<CartLinesRemoveInputType>>("input", "The variants to remove.")
            .RequireRoles(Roles.Buyer)
            .ResolveAsync(async c => await CartPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var ids = (input.Strings("variantIds") ?? []).Select((id, i) => GlobalIds.Expect(id, CatalogArea.VariantTypeName, $"{input.Path}.variantIds.{i}"));
                return await OrderingArea.Carts(c).RemoveCartLinesAsync(new RemoveCartLinesRequest { VariantIds = { ids } }, cancellationToken: c.CancellationToken);
            }));
    }

    private static List<CartLineInput> Lines(InputObject input) =>
        (input.NestedList("lines") ?? []).Select(line => new CartLineInput
        {
            VariantId = line.RequiredId("variantId", CatalogArea.VariantTypeName),
            Quantity = (int)Math.Clamp(line.WholeNumber("quantity") ?? 0, int.MinValue, int.MaxValue),
        }).ToList();
}
