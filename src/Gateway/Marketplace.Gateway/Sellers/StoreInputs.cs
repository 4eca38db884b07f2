using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

/// <summary>Reading the store inputs' nested objects.</summary>
internal static class StoreInputs
{
    /// <summary>The <c>openingHours</c> list; null when absent or null.</summary>
    public static List<OpeningInterval>? Intervals(InputObject input) =>
        input.NestedList("openingHours")?.Select(i => new OpeningInterval { Day = i.Text("day"), Opens = i.Text("opens"), Closes = i.Text("closes") }).ToList();
}
