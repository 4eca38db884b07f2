using Grpc.Core;
using Marketplace.Inventory.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;
using Npgsql;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>What orders do to stock: commit, hand over, cancel, return; each once per reference, whatever the retries.</summary>
public sealed class OrderStockTests(InventoryApp app) : InventoryTest(app)
{
    [Fact]
    public async Task Every_movement_moves_the_counters_it_says()
    {
        var listing = await ListingAsync(variants: 2);
        var (a, b) = (listing.VariantIds[0], listing.VariantIds[1]);
        var holder = NewHolder();
        var order = $"order-{Guid.NewGuid():N}";

        await App.StockAsync(listing, a, 10);
        await App.StockAsync(listing, b, 4);
        await Expect(a, onHand: 10, reserved: 0, allocated: 0);

        (await App.ReserveAsync(holder, 600, (a, 3), (b, 4))).Reserved.Should().BeTrue();
        await Expect(a, onHand: 10, reserved: 3, allocated: 0);
        await Expect(b, onHand: 4, reserved: 4, allocated: 0);

        using (InventoryApp.AsCheckout())
        {
            var committed = await App.Reservations.CommitAsync(new CommitRequest { HolderId = holder, OrderId = order });
            committed.Lines.Select(l => (l.VariantId, l.Quantity)).Should().BeEquivalentTo([(a, 3), (b, 4)]);
        }

        await Expect(a, onHand: 10, reserved: 0, allocated: 3);
        await Expect(b, onHand: 4, reserved: 0, allocated: 4);

        using (InventoryApp.AsCheckout())
        {
            var shipped = await App.Reservations.FulfilAsync(new FulfilRequest { OrderId = order, Reference = "ship-1", Lines = { new StockLine { VariantId = a, Quantity = 2 } } });
            shipped.Lines.Single().Quantity.Should().Be(2);
        }

        await Expect(a, onHand: 8, reserved: 0, allocated: 1);

        using (InventoryApp.AsCheckout())
        {
            // The rest of the order is cancelled before it ships: a's last unit and b's four come back to available.
            var cancelled = await App.Reservations.RestockAsync(new RestockRequest { OrderId = order, Reference = "cancel-1", Source = RestockSource.Unfulfilled });
            cancelled.Lines.Select(l => (l.VariantId, l.Quantity)).Should().BeEquivalentTo([(a, 1), (b, 4)]);
            // One shipped unit comes back.
            await App.Reservations.RestockAsync(new RestockRequest { OrderId = order, Reference = "return-1", Source = RestockSource.Fulfilled, Lines = { new StockLine { VariantId = a, Quantity = 1 } } });
        }

        await Expect(a, onHand: 9, reserved: 0, allocated: 0);
        await Expect(b, onHand: 4, reserved: 0, allocated: 0);

        var kinds = await KindsAsync(a);
        kinds.Should().Equal("ADJUSTED", "RESERVED", "ALLOCATED", "FULFILLED", "RESTOCKED", "RESTOCKED");
    }

    [Fact]
    public async Task A_repeated_commit_fulfil_or_restock_is_a_no_op_answering_the_first_result_even_concurrently()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 10);
        var holder = NewHolder();
        var order = $"order-{Guid.NewGuid():N}";
        (await App.ReserveAsync(holder, 600, (listing.VariantId, 5))).Reserved.Should().BeTrue();

        using (InventoryApp.AsCheckout())
        {
            var commits = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => App.Reservations.CommitAsync(new CommitRequest { HolderId = holder, OrderId = order }).ResponseAsync)));
            commits.Should().OnlyContain(c => c.Lines.Single().Quantity == 5);

            var fulfils = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => App.Reservations.FulfilAsync(
                new FulfilRequest { OrderId = order, Reference = "parcel-1", Lines = { new StockLine { VariantId = listing.VariantId, Quantity = 2 } } }).ResponseAsync)));
            fulfils.Should().OnlyContain(f => f.Lines.Single().Quantity == 2);

            var restocks = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => App.Reservations.RestockAsync(
                new RestockRequest { OrderId = order, Reference = "return-1", Source = RestockSource.Fulfilled }).ResponseAsync)));
            restocks.Should().OnlyContain(r => r.Lines.Single().Quantity == 2);

            // The same reference with another request is refused, not applied.
            var reused = () => App.Reservations.FulfilAsync(new FulfilRequest { OrderId = order, Reference = "parcel-1", Lines = { new StockLine { VariantId = listing.VariantId, Quantity = 1 } } }).ResponseAsync;
            (await reused.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("REFERENCE_REUSED");
        }

        await Expect(listing.VariantId, onHand: 10, reserved: 0, allocated: 3);
        (await KindsAsync(listing.VariantId)).Should().Equal("ADJUSTED", "RESERVED", "ALLOCATED", "FULFILLED", "RESTOCKED");
    }

    [Fact]
    public async Task Orders_cannot_take_more_than_they_were_given()
    {
        var listing = await ListingAsync(variants: 2);
        await App.StockAsync(listing, listing.VariantIds[0], 3);
        var order = $"order-{Guid.NewGuid():N}";

        using (InventoryApp.AsCheckout())
        {
            var noHold = () => App.Reservations.CommitAsync(new CommitRequest { HolderId = NewHolder(), OrderId = order }).ResponseAsync;
            (await noHold.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("NO_ACTIVE_HOLD");
        }

        var holder = NewHolder();
        (await App.ReserveAsync(holder, 600, (listing.VariantIds[0], 2))).Reserved.Should().BeTrue();
        using (InventoryApp.AsCheckout())
        {
            await App.Reservations.CommitAsync(new CommitRequest { HolderId = holder, OrderId = order });
            foreach (var (request, reason) in new (FulfilRequest, string)[]
            {
                (new FulfilRequest { OrderId = order, Reference = "too-many", Lines = { new StockLine { VariantId = listing.VariantIds[0], Quantity = 3 } } }, "EXCEEDS_ALLOCATION"),
                (new FulfilRequest { OrderId = order, Reference = "other-variant", Lines = { new StockLine { VariantId = listing.VariantIds[1], Quantity = 1 } } }, "ALLOCATION_NOT_FOUND"),
                (new FulfilRequest { OrderId = "no-such-order", Reference = "nothing" }, "ALLOCATION_NOT_FOUND"),
            })
            {
                var act = () => App.Reservations.FulfilAsync(request).ResponseAsync;
                var error = (await act.Should().ThrowAsync<RpcException>()).Which;
                (error.StatusCode, error.Reason()).Should().Be((StatusCode.FailedPrecondition, reason));
            }

            var returnUnshipped = () => App.Reservations.RestockAsync(new RestockRequest { OrderId = order, Reference = "early-return", Source = RestockSource.Fulfilled, Lines = { new StockLine { VariantId = listing.VariantIds[0], Quantity = 1 } } }).ResponseAsync;
            (await returnUnshipped.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("EXCEEDS_ALLOCATION");
        }

        await Expect(listing.VariantIds[0], onHand: 3, reserved: 0, allocated: 2);
    }

    [Fact]
    public async Task A_backorder_cannot_be_handed_over_before_its_units_arrive()
    {
        var listing = await ListingAsync();
        using (InventoryApp.AsSeller(listing.SellerId))
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = listing.VariantId, Policy = "CONTINUE" });
        var holder = NewHolder();
        var order = $"order-{Guid.NewGuid():N}";
        (await App.ReserveAsync(holder, 600, (listing.VariantId, 2))).Reserved.Should().BeTrue();

        using (InventoryApp.AsCheckout())
        {
            await App.Reservations.CommitAsync(new CommitRequest { HolderId = holder, OrderId = order });
            var early = () => App.Reservations.FulfilAsync(new FulfilRequest { OrderId = order, Reference = "ship" }).ResponseAsync;
            (await early.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("INSUFFICIENT_ON_HAND");
        }

        using (InventoryApp.AsSeller(listing.SellerId))
            await App.Stock.AdjustOnHandAsync(new AdjustOnHandRequest { VariantId = listing.VariantId, Delta = 2, Reason = "RECEIVED" });
        using (InventoryApp.AsCheckout())
            (await App.Reservations.FulfilAsync(new FulfilRequest { OrderId = order, Reference = "ship" })).Lines.Single().Quantity.Should().Be(2);
        await Expect(listing.VariantId, onHand: 0, reserved: 0, allocated: 0);
    }

    private async Task Expect(string variantId, int onHand, int reserved, int allocated)
    {
        var level = await App.LevelAsync(variantId);
        (level.OnHand, level.Reserved, level.Allocated).Should().Be((onHand, reserved, allocated));
    }

    private static async Task<List<string>> KindsAsync(string variantId)
    {
        await using var connection = new NpgsqlConnection(TestServices.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT kind FROM inventory.stock_movements WHERE variant_id = $1 ORDER BY id", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(variantId) });
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            kinds.Add(reader.GetString(0));
        return kinds;
    }
}
