namespace Marketplace.Modules.Ordering.Domain;

// The JSON documents the module keeps: a checkout's priced lines and stores, and each order's frozen snapshot. Written by
// System.Text.Json (web defaults: camelCase); amounts are exact decimals in the document's currency.

internal sealed record OptionDoc(string Name, string Value);

/// <summary>A line as priced: the product as it was (titles, options, SKU, image reference), its price and quantity.</summary>
internal sealed record LineDoc(
    Guid VariantId,
    Guid ProductId,
    Guid StoreId,
    string ProductTitle,
    string VariantTitle,
    string Sku,
    IReadOnlyList<OptionDoc> Options,
    string Image,
    decimal UnitPrice,
    decimal? CompareAtPrice,
    int Quantity,
    decimal LineTotal);

/// <summary>A store as it was: name, where it is, how to reach it.</summary>
internal sealed record StoreDoc(
    Guid Id,
    Guid SellerId,
    string Name,
    string Slug,
    string Address,
    double Latitude,
    double Longitude,
    string ContactEmail,
    string ContactPhone);

/// <summary>The buyer's delivery address as it was.</summary>
internal sealed record AddressDoc(
    Guid AddressId,
    string Label,
    string Recipient,
    string Phone,
    IReadOnlyList<string> Lines,
    string City,
    string Region,
    string PostalCode,
    string Country,
    double Latitude,
    double Longitude);

internal sealed record CheckoutStoreDoc(StoreDoc Store, decimal Subtotal, int ItemCount, double DistanceMeters);

/// <summary>What a checkout priced: its lines (in cart order) and, per store, the store and its subtotal.</summary>
internal sealed record CheckoutDocument(IReadOnlyList<LineDoc> Lines, IReadOnlyList<CheckoutStoreDoc> Stores);

internal sealed record PaymentDoc(string Method, string Status, string? IntentId);

internal sealed record TotalsDoc(decimal Subtotal, decimal Total, int ItemCount);

/// <summary>
/// An order's frozen snapshot (docs/ordering.md, "Snapshot"): everything the order shows, as it was when placed. Written
/// once; PostgreSQL refuses any change of it (trigger <c>orders_frozen</c>).
/// </summary>
internal sealed record OrderSnapshot(
    int Version,
    Guid OrderId,
    string Number,
    Guid GroupId,
    string GroupNumber,
    DateTimeOffset PlacedAt,
    Guid BuyerId,
    StoreDoc Store,
    string Fulfilment,
    AddressDoc? DeliveryAddress,
    PaymentDoc Payment,
    string CurrencyCode,
    IReadOnlyList<LineDoc> Lines,
    TotalsDoc Totals);

/// <summary>How the documents are written and read: System.Text.Json's web defaults (camelCase), one place.</summary>
internal static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => System.Text.Json.JsonSerializer.Deserialize<T>(json, Options)!;
}
