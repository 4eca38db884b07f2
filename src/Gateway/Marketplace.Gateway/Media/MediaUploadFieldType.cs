using GraphQL.Types;
using Marketplace.Modules.Media.Contracts.V1;

namespace Marketplace.Gateway.Media;

internal sealed class MediaUploadFieldType : ObjectGraphType<FormField>
{
    public MediaUploadFieldType()
    {
        Name = "MediaUploadField";
        Description = "A form field of a signed upload: send it as it is, in order, before the file.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The field's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("value").Description("The field's value.").Resolve(c => c.Source.Value);
    }
}
