using GraphQL.Types;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Catalog;

internal sealed class CatalogSearchReindexStartPayloadType : ObjectGraphType<CatalogSearchReindexStartPayload>
{
    public CatalogSearchReindexStartPayloadType()
    {
        Name = "CatalogSearchReindexStartPayload";
        Description = "The result of catalogSearchReindexStart: the rebuild, or why none started.";
        Field<CatalogSearchReindexType>("reindex").Description("The rebuild started, or the one already in flight; null when the request was refused.").Resolve(c => c.Source.Reindex);
        Field<NonNullGraphType<BooleanGraphType>>("started").Description("True when this request started a rebuild; false when one was already in flight (or on userErrors).").Resolve(c => c.Source.Started);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AreaUserErrorType<CatalogSearchErrors>>>>>("userErrors")
            .Description("Why no rebuild started; empty on success.")
            .Resolve(c => c.Source.UserErrors);
    }
}
