using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class WeekdayType : EnumerationGraphType
{
    public WeekdayType()
    {
        Name = "Weekday";
        Description = "A day of the week.";
        foreach (var day in new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" })
            Add(day, day, char.ToUpperInvariant(day[0]) + day[1..].ToLowerInvariant() + ".");
    }
}
