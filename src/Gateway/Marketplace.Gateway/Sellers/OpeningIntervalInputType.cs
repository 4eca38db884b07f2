using GraphQL.Types;

namespace Marketplace.Gateway.Sellers;

internal sealed class OpeningIntervalInputType : InputObjectGraphType
{
    public OpeningIntervalInputType()
    {
        Name = "OpeningIntervalInput";
        Description = "An opening interval: a weekday, opening and closing times (24-hour HH:mm, local time of the store).";
        Field<NonNullGraphType<WeekdayType>>("day").Description("The weekday.");
        Field<NonNullGraphType<StringGraphType>>("opens").Description("HH:mm, 24-hour, e.g. \"09:00\".");
        Field<NonNullGraphType<StringGraphType>>("closes").Description("HH:mm after opens, the same day; \"24:00\" for midnight.");
    }
}
