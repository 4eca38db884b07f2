using GraphQL.Types;
using Marketplace.Gateway.Auth;
using Marketplace.Gateway.Catalog;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;

namespace Marketplace.Gateway.Inventory;

/// <summary><c>inventorySet</c>, <c>inventoryAdjust</c> and <c>inventorySettingsUpdate</c>: the seller of the variant's store only.</summary>
internal sealed class InventoryMutations : ISchemaContribution
{
    public void ConfigureMutation(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<InventoryPayloadType<InventorySet>>>("inventorySet")
            .Description("Sellers: sets a variant's onHand from a count (give expectedOnHand to refuse overwriting a count made meanwhile). Another seller's variant: FORBIDDEN, nothing changed.")
            .Argument<NonNullGraphType<InventorySetInputType>>("input", "The variant and its counted on hand.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await InventoryPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new SetOnHandRequest
                {
                    VariantId = input.RequiredId("variantId", CatalogArea.VariantTypeName),
                    OnHand = (int)(input.WholeNumber("onHand") ?? 0),
                    Reason = input.Text("reason"),
                    Note = input.Text("note"),
                };
                if (input.WholeNumber("expectedOnHand") is { } expected)
                    request.ExpectedOnHand = (int)expected;
                return await InventoryArea.Stock(c).SetOnHandAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<InventoryPayloadType<InventoryAdjust>>>("inventoryAdjust")
            .Description("Sellers: adds delta to a variant's onHand (a delivery received, or a correction). Another seller's variant: FORBIDDEN, nothing changed.")
            .Argument<NonNullGraphType<InventoryAdjustInputType>>("input", "The variant, the change and its reason.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await InventoryPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new AdjustOnHandRequest
                {
                    VariantId = input.RequiredId("variantId", CatalogArea.VariantTypeName),
                    Delta = (int)(input.WholeNumber("delta") ?? 0),
                    Reason = input.Text("reason"),
                    Note = input.Text("note"),
                };
                return await InventoryArea.Stock(c).AdjustOnHandAsync(request, cancellationToken: c.CancellationToken);
            }));

        mutation.Field<NonNullGraphType<InventoryPayloadType<InventorySettingsUpdate>>>("inventorySettingsUpdate")
            .Description("Sellers: a variant's low-stock threshold, safety stock, policy and tracking. Another seller's variant: FORBIDDEN, nothing changed.")
            .Argument<NonNullGraphType<InventorySettingsUpdateInputType>>("input", "The variant and the settings that change.")
            .RequireRoles(Roles.Seller)
            .ResolveAsync(async c => await InventoryPayload.RunAsync(async () =>
            {
                var input = c.Input();
                var request = new UpdateStockSettingsRequest { VariantId = input.RequiredId("variantId", CatalogArea.VariantTypeName) };
                if (input.Has("lowStockThreshold"))
                {
                    if (input.WholeNumber("lowStockThreshold") is { } threshold)
                        request.LowStockThreshold = (int)threshold;
                    else
                        request.RemoveLowStockThreshold = true;
                }

                if (input.WholeNumber("safetyStock") is { } safety)
                    request.SafetyStock = (int)safety;
                if (input.OptionalText("policy") is { } policy)
                    request.Policy = policy;
                if (input.Flag("tracked") is { } tracked)
                    request.Tracked = tracked;
                return await InventoryArea.Stock(c).UpdateStockSettingsAsync(request, cancellationToken: c.CancellationToken);
            }));
    }
}
