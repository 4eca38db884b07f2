using System.Globalization;
using System.Text.Json.Nodes;

namespace Marketplace.Sellers.Tests.Support;

/// <summary>The payout surface through GraphQL: balances, entries, payouts and the administrators' mutations.</summary>
public static class Payouts
{
    public const string EntryFields = "id type amount { amount currencyCode } status reversal orderId payoutId commissionRate reason availableAt createdAt";
    public const string PayoutFields = "id sellerId amount { amount currencyCode } status provider reference failureReason createdAt paidAt failedAt";

    public sealed record Balance(decimal Available, decimal Pending);

    public sealed record Entry(string Type, decimal Amount, string Currency, string Status, bool Reversal, string? OrderId, string? PayoutId, decimal? CommissionRate, string? Reason);

    private static readonly Lazy<Task<TestSigningKey>> Key = new(() => TestSigningKey.CreateAsync());

    /// <summary>A token of a seller who need not exist elsewhere (the ledger knows sellers by the events' SellerId).</summary>
    public static async Task<(Guid SellerId, string Token)> MintSellerAsync()
    {
        var id = Guid.CreateVersion7();
        return (id, (await Key.Value).Issue(id, "SELLER"));
    }

    public static async Task<string> MintAsync(Guid userId, string role) => (await Key.Value).Issue(userId, role);

    public static async Task<Dictionary<string, Balance>> BalancesAsync(this HttpClient client, string token)
    {
        var body = await client.SendAsync("{ viewer { payoutBalance { currencyCode available { amount currencyCode } pending { amount currencyCode } } } }", token: token);
        return body.Data("viewer")["payoutBalance"]!.AsArray().ToDictionary(
            b => b.Text("currencyCode"),
            b => new Balance(Amount(b!["available"]), Amount(b["pending"])));
    }

    public static async Task<Balance> BalanceAsync(this HttpClient client, string token, string currency) =>
        (await client.BalancesAsync(token)).GetValueOrDefault(currency) ?? new Balance(0, 0);

    /// <summary>Every entry of the seller's ledger, newest first, page by page.</summary>
    public static async Task<List<Entry>> EntriesAsync(this HttpClient client, string token)
    {
        var entries = new List<Entry>();
        string? after = null;
        while (true)
        {
            var body = await client.SendAsync(
                $"query($a: String) {{ viewer {{ ledgerEntries(first: 100, after: $a) {{ nodes {{ {EntryFields} }} pageInfo {{ hasNextPage endCursor }} }} }} }}",
                new { a = after }, token);
            var connection = body.Data("viewer")["ledgerEntries"]!;
            entries.AddRange(connection["nodes"]!.AsArray().Select(n => new Entry(
                n.Text("type"), Amount(n!["amount"]), n["amount"].Text("currencyCode"), n.Text("status"), n["reversal"]!.GetValue<bool>(),
                n["orderId"]?.GetValue<string>(), n["payoutId"]?.GetValue<string>(),
                n["commissionRate"] is { } rate ? decimal.Parse(rate.GetValue<string>(), CultureInfo.InvariantCulture) : null, n["reason"]?.GetValue<string>())));
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
                return entries;
            after = connection["pageInfo"].Text("endCursor");
        }
    }

    public static async Task<List<JsonNode>> PayoutsAsync(this HttpClient client, string token) =>
        (await client.SendAsync($"{{ viewer {{ payouts(first: 100) {{ nodes {{ {PayoutFields} }} }} }} }}", token: token))
            .Data("viewer")["payouts"]!["nodes"]!.AsArray().Select(n => n!).ToList();

    /// <summary>payoutRunStart for one currency (every test pays its own currency, so tests running at once never pay each other's sellers).</summary>
    public static async Task<JsonNode> RunAsync(this HttpClient client, string adminToken, string currency) =>
        (await client.SendAsync(
            $"mutation($c: String) {{ payoutRunStart(input: {{ currencyCode: $c }}) {{ payouts {{ {PayoutFields} }} userErrors {{ field code message }} }} }}",
            new { c = currency }, adminToken)).Data("payoutRunStart");

    public static async Task<JsonNode> AdminAsync(this HttpClient client, string adminToken, string mutation, object input, string resultSelection) =>
        (await client.SendAsync(
            $"mutation($i: {char.ToUpperInvariant(mutation[0])}{mutation[1..]}Input!) {{ {mutation}(input: $i) {{ {resultSelection} userErrors {{ field code message }} }} }}",
            new { i = input }, adminToken)).Data(mutation);

    public static decimal Amount(JsonNode? money) => decimal.Parse(money.Text("amount"), CultureInfo.InvariantCulture);

    public static string LocalId(string globalId) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(globalId)).Split(':', 2)[1];

    public static string GlobalId(string type, Guid id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));

    /// <summary>The platform's commission rule, written independently of the module: half-even on the minor units.</summary>
    public static long Commission(long totalMinor, decimal rate) => (long)Math.Round(totalMinor * rate, 0, MidpointRounding.ToEven);
}
