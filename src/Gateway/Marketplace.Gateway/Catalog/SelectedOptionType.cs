using GraphQL.Types;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class SelectedOptionType : ObjectGraphType<SelectedOption>
{
    public SelectedOptionType()
    {
        Name = "SelectedOption";
        Description = "A variant's value for one of its product's options.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The option, e.g. Size.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The variant's value, e.g. M, spelt as the option spells it.").Resolve(c => c.Source.Value);
    }
}
