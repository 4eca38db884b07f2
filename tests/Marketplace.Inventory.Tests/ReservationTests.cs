using Grpc.Core;
using Marketplace.Inventory.Tests.Support;
using Marketplace.Modules.Inventory.Contracts.V1;
using Marketplace.Shared.Contracts;
using static Marketplace.Inventory.Tests.Support.InventoryFlows;

namespace Marketplace.Inventory.Tests;

/// <summary>The reservations contract checkout relies on: never oversell, all or nothing, replace, never block yourself.</summary>
public sealed class ReservationTests(InventoryApp app) : InventoryTest(app)
{
    [Fact]
    public async Task Hundred_holders_race_for_one_unit_and_exactly_one_wins()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 1);

        var holders = Enumerable.Range(0, 100).Select(_ => NewHolder()).ToList();
        var answers = await Task.WhenAll(holders.Select(h => Task.Run(() => App.ReserveAsync(h, 600, (listing.VariantId, 1)))));

        answers.Count(a => a.Reserved).Should().Be(1);
        answers.Where(a => !a.Reserved).Should().OnlyContain(a => a.Lines.Single().Status == "INSUFFICIENT_STOCK" && a.Lines.Single().Available == 0);
        var level = await App.LevelAsync(listing.VariantId);
        (level.OnHand, level.Reserved, level.Available, level.AvailableForSale).Should().Be((1, 1, 0, false));
    }

    [Fact]
    public async Task The_same_variant_on_two_lines_is_held_once_for_their_sum()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);

        var tooMany = await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 3), (listing.VariantId, 3));
        tooMany.Reserved.Should().BeFalse();
        tooMany.Lines.Select(l => (l.Status, l.Available)).Should().Equal(("INSUFFICIENT_STOCK", 5), ("INSUFFICIENT_STOCK", 5));
        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(0, "a refused reservation changes nothing");

        var fits = await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 2), (listing.VariantId, 3));
        fits.Reserved.Should().BeTrue();
        fits.Lines.Should().OnlyContain(l => l.Status == "RESERVED" && l.Available == 0);
        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(5);
    }

    [Fact]
    public async Task A_re_reserve_replaces_the_holders_hold_instead_of_adding_to_it()
    {
        var listing = await ListingAsync(variants: 2);
        var (first, second) = (listing.VariantIds[0], listing.VariantIds[1]);
        await App.StockAsync(listing, first, 10);
        await App.StockAsync(listing, second, 10);
        var holder = NewHolder();

        (await App.ReserveAsync(holder, 600, (first, 4), (second, 1))).Reserved.Should().BeTrue();
        (await App.ReserveAsync(holder, 600, (first, 2))).Reserved.Should().BeTrue();

        (await App.LevelAsync(first)).Reserved.Should().Be(2);
        (await App.LevelAsync(second)).Reserved.Should().Be(0, "the line left out of the new hold is released");
        (await App.ReserveAsync(holder, 600, (first, 6), (second, 3))).Reserved.Should().BeTrue();
        ((await App.LevelAsync(first)).Reserved, (await App.LevelAsync(second)).Reserved).Should().Be((6, 3));
    }

    [Fact]
    public async Task A_holder_is_never_blocked_by_its_own_hold()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 3);
        var holder = NewHolder();

        (await App.ReserveAsync(holder, 600, (listing.VariantId, 3))).Reserved.Should().BeTrue();
        var again = await App.ReserveAsync(holder, 600, (listing.VariantId, 3));
        again.Reserved.Should().BeTrue("its own three units count as free for it");
        var other = await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 1));
        other.Reserved.Should().BeFalse();

        var more = await App.ReserveAsync(holder, 600, (listing.VariantId, 4));
        more.Reserved.Should().BeFalse();
        more.Lines.Single().Available.Should().Be(3, "what this holder could hold, its own hold included");
        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(3, "the earlier hold stays when a re-reserve is refused");
    }

    [Fact]
    public async Task A_short_line_refuses_the_whole_reservation_and_says_what_each_line_could_have()
    {
        var listing = await ListingAsync(variants: 2);
        var (plenty, scarce) = (listing.VariantIds[0], listing.VariantIds[1]);
        await App.StockAsync(listing, plenty, 10);
        await App.StockAsync(listing, scarce, 1);
        var unknown = Guid.NewGuid().ToString();

        var answer = await App.ReserveAsync(NewHolder(), 600, (plenty, 2), (scarce, 2), (unknown, 1));

        answer.Reserved.Should().BeFalse();
        answer.ExpiresAt.Should().BeEmpty();
        answer.Lines.Select(l => (l.VariantId, l.Status, l.Available)).Should().Equal(
            (plenty, "AVAILABLE", 10), (scarce, "INSUFFICIENT_STOCK", 1), (unknown, "UNKNOWN_VARIANT", 0));
        ((await App.LevelAsync(plenty)).Reserved, (await App.LevelAsync(scarce)).Reserved).Should().Be((0, 0));
    }

    [Fact]
    public async Task Two_holders_with_lines_in_reversed_order_never_deadlock()
    {
        var listing = await ListingAsync(variants: 2);
        var (a, b) = (listing.VariantIds[0], listing.VariantIds[1]);
        await App.StockAsync(listing, a, 1000);
        await App.StockAsync(listing, b, 1000);

        // Many pairs at once, each pair's carts naming the variants in opposite orders; re-reserves too (replace paths).
        var calls = Enumerable.Range(0, 60).Select(i =>
        {
            var holder = $"deadlock-{i % 20}-{Guid.NewGuid():N}"[..40];
            return Task.Run(async () =>
            {
                var forward = await App.ReserveAsync(holder, 600, (a, 1), (b, 2));
                var backward = await App.ReserveAsync(holder, 600, (b, 3), (a, 1));
                return (Forward: forward.Reserved, Backward: backward.Reserved);
            });
        });

        var results = await Task.WhenAll(calls);
        results.Should().OnlyContain(r => r.Forward && r.Backward, "no call failed (a deadlock would abort one)");
        ((await App.LevelAsync(a)).Reserved, (await App.LevelAsync(b)).Reserved).Should().Be((60, 180));
    }

    [Fact]
    public async Task Availability_ignores_expired_holds_and_another_holder_gets_the_units()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 2);
        (await App.ReserveAsync(NewHolder(), 1, (listing.VariantId, 2))).Reserved.Should().BeTrue();
        (await App.LevelAsync(listing.VariantId)).Available.Should().Be(0);

        // Once the hold is past its expiry, readers no longer count it, even before the sweeper ends it.
        await Eventually.AssertAsync(async () => (await App.LevelAsync(listing.VariantId)).Available == 2, TimeSpan.FromSeconds(10), "the hold expires");
        using (InventoryApp.AsCheckout())
        {
            var availability = await App.Stock.GetAvailabilityAsync(new GetAvailabilityRequest { VariantIds = { listing.VariantId } });
            (availability.Variants.Single().AvailableForSale, availability.Variants.Single().QuantityAvailable).Should().Be((true, 2));
        }

        var later = await App.ReserveAsync(NewHolder(), 600, (listing.VariantId, 2));
        later.Reserved.Should().BeTrue("an expired hold cannot block anyone");
        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(2);
    }

    [Fact]
    public async Task Untracked_and_backorder_variants_are_always_available()
    {
        var listing = await ListingAsync(variants: 2);
        var (service, backorder) = (listing.VariantIds[0], listing.VariantIds[1]);
        using (InventoryApp.AsSeller(listing.SellerId))
        {
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = service, Tracked = false });
            await App.Stock.UpdateStockSettingsAsync(new UpdateStockSettingsRequest { VariantId = backorder, Policy = "CONTINUE" });
        }

        var answer = await App.ReserveAsync(NewHolder(), 600, (service, 50), (backorder, 7));
        answer.Reserved.Should().BeTrue();
        var level = await App.LevelAsync(backorder);
        (level.OnHand, level.Reserved, level.Available, level.AvailableForSale).Should().Be((0, 7, 0, true));
        using (InventoryApp.AsCheckout())
        {
            var availability = (await App.Stock.GetAvailabilityAsync(new GetAvailabilityRequest { VariantIds = { service, backorder } })).Variants;
            availability[0].AvailableForSale.Should().BeTrue();
            availability[0].HasQuantityAvailable.Should().BeFalse("an untracked variant has no count");
            (availability[1].AvailableForSale, availability[1].QuantityAvailable).Should().Be((true, 0));
        }
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_changes_nothing()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);

        var cases = new (ReserveRequest Request, string Field, string Code)[]
        {
            (Request(NewHolder(), 600, (listing.VariantId, 0)), "lines.0.quantity", "INVALID_QUANTITY"),
            (Request(NewHolder(), 600, (listing.VariantId, -3)), "lines.0.quantity", "INVALID_QUANTITY"),
            (Request(NewHolder(), 600, (listing.VariantId, 100_001)), "lines.0.quantity", "INVALID_QUANTITY"),
            (Request(NewHolder(), 600, ("not-an-id", 1)), "lines.0.variantId", "INVALID_ID"),
            (Request(NewHolder(), 0, (listing.VariantId, 1)), "ttlSeconds", "INVALID_TTL"),
            (Request(NewHolder(), 86_400 * 365, (listing.VariantId, 1)), "ttlSeconds", "INVALID_TTL"),
            (Request(NewHolder(), 600), "lines", "REQUIRED"),
            (Request(NewHolder(), 600, Enumerable.Range(0, 101).Select(_ => (listing.VariantId, 1)).ToArray()), "lines", "TOO_MANY_LINES"),
            (Request("  ", 600, (listing.VariantId, 1)), "holderId", "REQUIRED"),
            (Request(new string('h', 101), 600, (listing.VariantId, 1)), "holderId", "TOO_LONG"),
        };
        using (InventoryApp.AsCheckout())
        {
            foreach (var (request, field, code) in cases)
            {
                var act = () => App.Reservations.ReserveAsync(request).ResponseAsync;
                var error = (await act.Should().ThrowAsync<RpcException>()).Which;
                error.StatusCode.Should().Be(StatusCode.InvalidArgument);
                error.FieldViolations().Should().ContainSingle(v => v.Field == field && v.Code == code, $"{field} {code}");
            }
        }

        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(0);
    }

    [Fact]
    public async Task Only_modules_may_reserve()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);
        var request = Request(NewHolder(), 600, (listing.VariantId, 1));

        foreach (var (caller, status, reason) in new[]
        {
            (Caller.Anonymous, StatusCode.Unauthenticated, "SIGN_IN_REQUIRED"),
            (Caller.User(Guid.NewGuid().ToString(), [Roles.Buyer]), StatusCode.PermissionDenied, "SERVICES_ONLY"),
            (Caller.User(listing.SellerId, [Roles.Seller]), StatusCode.PermissionDenied, "SERVICES_ONLY"),
        })
        {
            using var _ = InventoryApp.As(caller);
            var act = () => App.Reservations.ReserveAsync(request).ResponseAsync;
            var error = (await act.Should().ThrowAsync<RpcException>()).Which;
            (error.StatusCode, error.Reason()).Should().Be((status, reason));
        }

        (await App.LevelAsync(listing.VariantId)).Reserved.Should().Be(0);
    }

    [Fact]
    public async Task Release_gives_the_units_back_once()
    {
        var listing = await ListingAsync();
        await App.StockAsync(listing, listing.VariantId, 5);
        var holder = NewHolder();
        (await App.ReserveAsync(holder, 600, (listing.VariantId, 4))).Reserved.Should().BeTrue();

        using (InventoryApp.AsCheckout())
        {
            var released = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => App.Reservations.ReleaseAsync(new ReleaseRequest { HolderId = holder }).ResponseAsync));
            released.Select(r => r.ReleasedQuantity).Should().BeEquivalentTo([4, 0, 0, 0, 0]);
        }

        (await App.LevelAsync(listing.VariantId)).Available.Should().Be(5);
    }

    private static ReserveRequest Request(string holder, int ttl, params (string VariantId, int Quantity)[] lines) =>
        new() { HolderId = holder, TtlSeconds = ttl, Lines = { lines.Select(l => new StockLine { VariantId = l.VariantId, Quantity = l.Quantity }) } };
}
