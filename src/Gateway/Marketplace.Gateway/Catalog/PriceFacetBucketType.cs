using System.Globalization;
using GraphQL.Types;
using Marketplace.Gateway.Conventions;
using Marketplace.Modules.Catalog.Contracts.V1;

namespace Marketplace.Gateway.Catalog;

/// <summary>A price range of the search's matches (by lowest variant price) and how many fall in it.</summary>
internal sealed class PriceFacetBucketType : ObjectGraphType<PriceBucketCount>
{
    public PriceFacetBucketType()
    {
        Name = "PriceFacetBucket";
        Description = "A range of the lowest variant price: min inclusive, max exclusive.";
        Field<ExactDecimalGraphType>("min").Description("The lower bound (inclusive); null for the first range (from 0).").Resolve(c => Amount(c.Source.Min));
        Field<ExactDecimalGraphType>("max").Description("The upper bound (exclusive); null for the last range (no bound).").Resolve(c => Amount(c.Source.Max));
        Field<NonNullGraphType<IntGraphType>>("count").Description("Matches whose lowest price is in the range.").Resolve(c => (int)Math.Min(c.Source.Count, int.MaxValue));
    }

    private static decimal? Amount(string text) => text.Length == 0 ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
