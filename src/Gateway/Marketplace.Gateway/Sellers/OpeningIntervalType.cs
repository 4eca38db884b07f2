using GraphQL.Types;
using Marketplace.Modules.Sellers.Contracts.V1;

namespace Marketplace.Gateway.Sellers;

internal sealed class OpeningIntervalType : ObjectGraphType<OpeningInterval>
{
    public OpeningIntervalType()
    {
        Name = "OpeningInterval";
        Description = "The store is open on this weekday from opens to closes (local time of the store, 24-hour HH:mm).";
        Field<NonNullGraphType<WeekdayType>>("day").Description("The weekday.").Resolve(c => c.Source.Day);
        Field<NonNullGraphType<StringGraphType>>("opens").Description("Opening time, HH:mm.").Resolve(c => c.Source.Opens);
        Field<NonNullGraphType<StringGraphType>>("closes").Description("Closing time, HH:mm; \"24:00\" means midnight at the end of the day.").Resolve(c => c.Source.Closes);
    }
}
