using Marketplace.Modules.Catalog.Contracts.V1;
using Marketplace.Modules.Ordering.Carts;
using Marketplace.Modules.Ordering.Carts.AddCartLines;
using Marketplace.Modules.Ordering.Carts.GetCart;
using Marketplace.Modules.Sellers.Contracts.V1;
using Marketplace.Modules.Users.Contracts.V1;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Mediator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Modules.Ordering.DemoData;

/// <summary>
/// Development demo data: the demo buyer Ada (README) has a cart with lines from two demo stores (the first product on
/// sale of the Lisbon bakery and of the grocer), so <c>viewer.cart</c> shows something on first sign-in. Added through the
/// cart's own use case as Ada. Idempotent: a buyer who has an open cart keeps it as it is.
/// </summary>
internal sealed class OrderingDemoData(
    ISender mediator, UsersAuth.UsersAuthClient users, SellersStores.SellersStoresClient sellers, CatalogProducts.CatalogProductsClient catalog,
    IHostEnvironment environment, ILogger<OrderingDemoData> logger) : IModuleSeeder
{
    public const string BuyerPhone = "+447911123456";
    public static readonly string[] StoreSlugs = ["demo-lisbon-bakery", "demo-lx-grocer"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
            return;
        FindBuyerByPhoneResponse buyer;
        using (CallContext.Push(new CallContext(Caller.Service(OrderingModule.ModuleName), CallContext.NewCorrelationId())))
            buyer = await users.FindBuyerByPhoneAsync(new FindBuyerByPhoneRequest { Phone = BuyerPhone }, cancellationToken: cancellationToken);
        if (!buyer.Exists)
            return;

        var buyerId = Guid.Parse(buyer.UserId);
        using var asBuyer = CallContext.Push(new CallContext(Caller.User(buyer.UserId, [Roles.Buyer]), CallContext.NewCorrelationId()));
        if (await mediator.Send(new GetCartQuery(buyerId), cancellationToken) is { Lines.Count: > 0 })
            return;

        var lines = new List<CartLineEdit>();
        foreach (var (slug, quantity) in StoreSlugs.Zip([2, 3]))
        {
            Store store;
            try
            {
                store = await sellers.GetStoreAsync(new GetStoreRequest { Slug = slug }, cancellationToken: cancellationToken);
            }
            catch (Grpc.Core.RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                continue;
            }

            var products = await catalog.ListStoreProductsAsync(
                new ListStoreProductsRequest { StoreId = store.Id, Status = "ACTIVE", Page = new Marketplace.Shared.Contracts.V1.PageRequest { First = 5 } }, cancellationToken: cancellationToken);
            if (products.Products.FirstOrDefault(p => p.Variants.Count > 0) is { } product)
                lines.Add(new CartLineEdit(Guid.Parse(product.Variants[0].Id), quantity));
        }

        if (lines.Count == 0)
            return;
        await mediator.Send(new AddCartLinesCommand(buyerId, lines), cancellationToken);
        logger.LogInformation("Ordering demo data: a cart of {Count} lines for the demo buyer {Phone}", lines.Count, BuyerPhone);
    }
}
