using GraphQL.Types;

namespace Marketplace.Gateway.Catalog;

internal sealed class CatalogSearchReindexStartInputType : InputObjectGraphType
{
    public CatalogSearchReindexStartInputType()
    {
        Name = "CatalogSearchReindexStartInput";
        Description = "How a rebuild runs.";
        Field<IntGraphType>("batchSize").Description("Products per batch, 100 to 10,000; the configured default (1,000) when left out.");
    }
}
