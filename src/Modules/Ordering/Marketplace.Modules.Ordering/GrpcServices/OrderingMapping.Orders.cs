using Marketplace.Modules.Ordering.Domain;
using Marketplace.Modules.Ordering.Orders;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.UseCases;
using CommonV1 = Marketplace.Shared.Contracts.V1;
using V1 = Marketplace.Modules.Ordering.Contracts.V1;

namespace Marketplace.Modules.Ordering.GrpcServices;

/// <summary>Checkouts and orders as contract messages; an order is told from its frozen snapshot.</summary>
internal static partial class OrderingMapping
{
    public static V1.Checkout ToContract(Checkout checkout)
    {
        var document = Json.Read<CheckoutDocument>(checkout.Document);
        var currency = checkout.CurrencyCode;
        var result = new V1.Checkout
        {
            Id = checkout.Id.ToString(),
            BuyerId = checkout.BuyerId.ToString(),
            CartId = checkout.CartId.ToString(),
            Status = checkout.Status,
            ExpiresAt = Timestamps.Format(checkout.ExpiresAt),
            Fulfilment = checkout.Fulfilment,
            PaymentMethod = checkout.PaymentMethod,
            Subtotal = Money(document.Lines.Sum(l => l.LineTotal), currency),
            Total = Money(checkout.Total, currency),
            OrderGroupId = checkout.Status == CheckoutStatus.Completed ? checkout.OrderGroupId?.ToString() ?? "" : "",
            FailureReason = checkout.FailureReason ?? "",
            CreatedAt = Timestamps.Format(checkout.CreatedAt),
            UpdatedAt = Timestamps.Format(checkout.UpdatedAt),
        };
        result.Lines.AddRange(document.Lines.Select(l => ToContract(l, currency)));
        result.Stores.AddRange(document.Stores.Select(s => new V1.CheckoutStore
        {
            Store = ToContract(s.Store), Subtotal = Money(s.Subtotal, currency), ItemCount = s.ItemCount, DistanceMeters = s.DistanceMeters,
        }));
        if (checkout.DeliveryAddress is not null)
            result.DeliveryAddress = ToContract(Json.Read<AddressDoc>(checkout.DeliveryAddress));
        if (checkout.PaymentMethod == PaymentMethods.Card)
        {
            result.CardPayment = new V1.CardPayment
            {
                PaymentIntentId = checkout.PaymentIntentId ?? "",
                ClientSecret = checkout.Status == CheckoutStatus.Open ? checkout.PaymentClientSecret ?? "" : "",
                Status = checkout.PaymentStatus ?? "",
            };
        }

        return result;
    }

    public static V1.Order ToContract(Order order)
    {
        var snapshot = Json.Read<OrderSnapshot>(order.Snapshot);
        var result = new V1.Order
        {
            Id = order.Id.ToString(),
            GroupId = order.GroupId.ToString(),
            Number = order.Number,
            BuyerId = order.BuyerId.ToString(),
            StoreId = order.StoreId.ToString(),
            SellerId = order.SellerId.ToString(),
            Status = order.Status,
            PaymentStatus = order.PaymentStatus,
            PaymentMethod = order.PaymentMethod,
            Fulfilment = order.Fulfilment,
            Subtotal = Money(order.Subtotal, order.CurrencyCode),
            Total = Money(order.Total, order.CurrencyCode),
            ItemCount = order.ItemCount,
            Store = ToContract(snapshot.Store),
            PlacedAt = Timestamps.Format(snapshot.PlacedAt),
            UpdatedAt = Timestamps.Format(order.UpdatedAt),
            Key = order.Id.ToString(),
        };
        result.Lines.AddRange(snapshot.Lines.Select(l => ToContract(l, snapshot.CurrencyCode)));
        if (snapshot.DeliveryAddress is { } address)
            result.DeliveryAddress = ToContract(address);
        return result;
    }

    public static V1.OrderGroup ToContract(OrderGroupView view)
    {
        var result = new V1.OrderGroup
        {
            Id = view.Group.Id.ToString(),
            Number = OrderGroup.Format(view.Group.Number),
            BuyerId = view.Group.BuyerId.ToString(),
            CheckoutId = view.Group.CheckoutId.ToString(),
            Total = Money(view.Group.Total, view.Group.CurrencyCode),
            PaymentMethod = view.Group.PaymentMethod,
            PlacedAt = Timestamps.Format(view.Group.CreatedAt),
        };
        result.Orders.AddRange(view.Orders.Select(ToContract));
        return result;
    }

    public static V1.ListOrdersResponse ToContract(Page<Order> page)
    {
        var result = new V1.ListOrdersResponse { PageInfo = new CommonV1.PageInfo { HasNextPage = page.HasNextPage } };
        result.Orders.AddRange(page.Items.Select(ToContract));
        return result;
    }

    private static V1.PricedLine ToContract(LineDoc line, string currency)
    {
        var result = new V1.PricedLine
        {
            VariantId = line.VariantId.ToString(),
            ProductId = line.ProductId.ToString(),
            StoreId = line.StoreId.ToString(),
            ProductTitle = line.ProductTitle,
            VariantTitle = line.VariantTitle,
            Sku = line.Sku,
            Image = line.Image,
            UnitPrice = Money(line.UnitPrice, currency),
            Quantity = line.Quantity,
            LineTotal = Money(line.LineTotal, currency),
        };
        result.Options.AddRange(line.Options.Select(o => new V1.SelectedOption { Name = o.Name, Value = o.Value }));
        if (line.CompareAtPrice is { } compareAt)
            result.CompareAtPrice = Money(compareAt, currency);
        return result;
    }

    private static V1.StoreSnapshot ToContract(StoreDoc store) => new()
    {
        Id = store.Id.ToString(),
        SellerId = store.SellerId.ToString(),
        Name = store.Name,
        Slug = store.Slug,
        Address = store.Address,
        Location = new CommonV1.GeoPoint { Latitude = store.Latitude, Longitude = store.Longitude },
        ContactEmail = store.ContactEmail,
        ContactPhone = store.ContactPhone,
    };

    private static V1.DeliveryAddress ToContract(AddressDoc address)
    {
        var result = new V1.DeliveryAddress
        {
            AddressId = address.AddressId.ToString(),
            Label = address.Label,
            Recipient = address.Recipient,
            Phone = address.Phone,
            City = address.City,
            Region = address.Region,
            PostalCode = address.PostalCode,
            Country = address.Country,
            Location = new CommonV1.GeoPoint { Latitude = address.Latitude, Longitude = address.Longitude },
        };
        result.Lines.AddRange(address.Lines);
        return result;
    }

    private static CommonV1.Money Money(decimal amount, string currency) => new() { Amount = Currencies.Format(amount, currency), CurrencyCode = currency };
}
