using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class SelectedOptionInputType : InputObjectGraphType
{
    public SelectedOptionInputType()
    {
        Name = "SelectedOptionInput";
        Description = "A variant's value for one of the product's options (both matched case-insensitively).";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The option, e.g. Size.");
        Field<NonNullGraphType<StringGraphType>>("value").Description("One of the option's values, e.g. M.");
    }
}
