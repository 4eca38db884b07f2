using Grpc.Core;
using Marketplace.Inventory.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>The seller's side of the contract: who may change what, compare-and-set, and the rules a count must keep.</summary>
public sealed class SellerStockContractTests(InventoryApp app) : InventoryTest(app)
{
    [Fact]
    public async Task A_draft_products_variant_gets_its_stock_row_on_the_first_write()
    {
        var listing = await ListingAsync(publish: false);

        var level = await App.StockAsync(listing, listing.VariantId, 12);

        (level.VariantId, level.ProductId, level.OnHand, level.Available, level.Tracked, level.Policy).Should().Be((listing.VariantId, listing.ProductId, 12, 12, true, "DENY"));
        level.HasLowStockThreshold.Should().BeFalse();
    }

    [Fact]
    public async Task Expected_on_hand_makes_a_count_apply_only_to_the_value_it_was_made_from()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 10);

        using (InventoryApp.AsSeller(listing.SellerId))
        {
            // Two devices read 10; the first count applies, the second is refused instead of overwriting it.
            var counts = await Task.WhenAll(new[] { 8, 9 }.Select(n => Task.Run(async () =>
            {
                try
                {
                    await App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = n, ExpectedOnHand = 10, Reason = "CYCLE_COUNT" });
                    return "OK";
                }
                catch (RpcException exception)
                {
                    return exception.Reason();
                }
            })));
            counts.Should().BeEquivalentTo(["OK", "ON_HAND_CONFLICT"]);
        }

        (await App.LevelAsync(listing.VariantId)).OnHand.Should().BeOneOf(8, 9);
    }

    [Fact]
    public async Task On_hand_cannot_go_below_what_is_reserved_and_allocated()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);
        (await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 3))).Reserved.Should().BeTrue();

        using (InventoryApp.AsSeller(listing.SellerId))
        {
            var set = () => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = 2 }).ResponseAsync;
            (await set.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("ON_HAND_BELOW_COMMITTED");
            var adjust = () => App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = -3, Reason = "DAMAGED" }).ResponseAsync;
            (await adjust.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("ON_HAND_BELOW_COMMITTED");

            var damaged = await App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = -2, Reason = "DAMAGED", Note = "dropped a tray" });
            (damaged.OnHand, damaged.Reserved, damaged.Available).Should().Be((3, 3, 0));
        }
    }

    [Fact]
    public async Task A_seller_cannot_read_or_touch_another_sellers_stock()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 4);
        var other = await App.ListingAsync();

        using (InventoryApp.AsSeller(other.SellerId))
        {
            foreach (var call in new Func<Task>[]
            {
                () => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = 100 }).ResponseAsync,
                () => App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = 5, Reason = "RECEIVED" }).ResponseAsync,
                () => App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, Policy = "CONTINUE" }).ResponseAsync,
                () => App.Stock.ListMovementsAsync(new ListMovementsRequest { VariantId = listing.VariantId }).ResponseAsync,
            })
            {
                var error = (await call.Should().ThrowAsync<RpcException>()).Which;
                (error.StatusCode, error.Reason()).Should().Be((StatusCode.PermissionDenied, "NOT_OWNER"));
            }

            (await App.Stock.GetStockLevelsAsync(new GetStockLevelsRequest { VariantIds = { listing.VariantId } })).Levels.Should().BeEmpty();
        }

        using (InventoryApp.As(Caller.User(Guid.NewGuid().ToString(), [Roles.Buyer])))
        {
            var act = () => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = 100 }).ResponseAsync;
            (await act.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("SELLERS_ONLY");
        }

        var level = await App.LevelAsync(listing.VariantId);
        (level.OnHand, level.Policy).Should().Be((4, "DENY"));
    }

    [Fact]
    public async Task Bad_seller_input_gets_field_errors_and_changes_nothing()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 4);

        using (InventoryApp.AsSeller(listing.SellerId))
        {
            var cases = new (Func<Task> Call, string Field, string Code)[]
            {
                (() => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = -1 }).ResponseAsync, "onHand", "INVALID_QUANTITY"),
                (() => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = 1, Reason = "STOLEN" }).ResponseAsync, "reason", "INVALID_REASON"),
                (() => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = listing.VariantId, OnHand = 1, Note = new string('n', 201) }).ResponseAsync, "note", "TOO_LONG"),
                (() => App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = 0, Reason = "CORRECTION" }).ResponseAsync, "delta", "INVALID_QUANTITY"),
                (() => App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = -1, Reason = "RECEIVED" }).ResponseAsync, "delta", "INVALID_QUANTITY"),
                (() => App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = 999_999_999, Reason = "RECEIVED" }).ResponseAsync, "delta", "INVALID_QUANTITY"),
                (() => App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, Policy = "MAYBE" }).ResponseAsync, "policy", "INVALID_POLICY"),
                (() => App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, SafetyStock = -2 }).ResponseAsync, "safetyStock", "INVALID_QUANTITY"),
                (() => App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, LowStockThreshold = -1 }).ResponseAsync, "lowStockThreshold", "INVALID_QUANTITY"),
            };
            foreach (var (call, field, code) in cases)
            {
                var error = (await call.Should().ThrowAsync<RpcException>()).Which;
                error.StatusCode.Should().Be(StatusCode.InvalidArgument);
                error.FieldViolations().Should().ContainSingle(v => v.Field == field && v.Code == code, $"{field} {code}");
            }

            foreach (var unknown in new[] { Guid.NewGuid().ToString(), "not-a-variant" })
            {
                var act = () => App.Stock.SetOnHandAsync(new SetOnHandRequest { VariantId = unknown, OnHand = 1 }).ResponseAsync;
                (await act.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("VARIANT_NOT_FOUND");
            }
        }

        var level = await App.LevelAsync(listing.VariantId);
        (level.OnHand, level.SafetyStock, level.Policy).Should().Be((4, 0, "DENY"));
    }

    [Fact]
    public async Task Movements_page_newest_first_for_the_owner()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 3);
        using (InventoryApp.AsSeller(listing.SellerId))
        {
            for (var i = 0; i < 4; i++)
                await App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = i + 1, Reason = "RECEIVED", Note = $"delivery {i}" });

            var first = await App.Stock.ListMovementsAsync(new ListMovementsRequest { VariantId = listing.VariantId, Page = new() { First = 3 } });
            first.Movements.Select(m => m.Note).Should().Equal("delivery 3", "delivery 2", "delivery 1");
            first.PageInfo.HasNextPage.Should().BeTrue();
            first.Movements[0].Should().Match<StockMovement>(m => m.Kind == "RECEIVED" && m.Quantity == 4 && m.OnHandDelta == 4 && m.ActorKind == "USER" && m.ActorId == listing.SellerId);

            var rest = await App.Stock.ListMovementsAsync(new ListMovementsRequest { VariantId = listing.VariantId, Page = new() { First = 3, After = first.Movements[^1].Key } });
            rest.Movements.Select(m => (m.Kind, m.Reason)).Should().Equal(("RECEIVED", "RECEIVED"), ("ADJUSTED", "CORRECTION"));
            rest.PageInfo.HasNextPage.Should().BeFalse();
        }
    }
}
