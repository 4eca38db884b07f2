using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Gateway.Relay;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

internal sealed class CatalogSearchReindexType : ObjectGraphType<SearchReindex>
{
    public CatalogSearchReindexType()
    {
        Name = CatalogArea.ReindexTypeName;
        Description = "A full rebuild of the product search projection (administrators only).";
        Interface<NodeInterface>();
        IsTypeOf = value => value is SearchReindex;
        Field<NonNullGraphType<IdGraphType>>("id").Description("Global id; give it to catalogSearchReindexStatus.").Resolve(c => GlobalId.Encode(CatalogArea.ReindexTypeName, c.Source.Id));
        Field<NonNullGraphType<CatalogSearchReindexStatusType>>("status").Description("REQUESTED, RUNNING, COMPLETED or ABANDONED.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("batchSize").Description("Products per batch, 100 to 10,000.").Resolve(c => c.Source.BatchSize);
        Field<NonNullGraphType<IntGraphType>>("batchesTotal").Description("How many batches; 0 until the rebuild has started.").Resolve(c => c.Source.BatchesTotal);
        Field<NonNullGraphType<IntGraphType>>("batchesDone").Description("Batches written into the new projection so far.").Resolve(c => c.Source.BatchesDone);
        Field<NonNullGraphType<IntGraphType>>("productsTotal").Description("Products when the rebuild started.").Resolve(c => (int)Math.Min(c.Source.ProductsTotal, int.MaxValue));
        Field<NonNullGraphType<IntGraphType>>("productsIndexed").Description("Rows written into the new projection so far.").Resolve(c => (int)Math.Min(c.Source.ProductsIndexed, int.MaxValue));
        Field<NonNullGraphType<UtcDateTimeGraphType>>("requestedAt").Description("When an administrator asked for it.").Resolve(c => CatalogValues.Time(c.Source.RequestedAt));
        Field<UtcDateTimeGraphType>("startedAt").Description("When its batches were planned; null until then.").Resolve(c => CatalogValues.OptionalTime(c.Source.StartedAt));
        Field<UtcDateTimeGraphType>("completedAt").Description("When it was swapped in (or abandoned); null until then.").Resolve(c => CatalogValues.OptionalTime(c.Source.CompletedAt));
        Field<StringGraphType>("note").Description("Why it was abandoned; null otherwise.").Resolve(c => string.IsNullOrEmpty(c.Source.Note) ? null : c.Source.Note);
    }
}
