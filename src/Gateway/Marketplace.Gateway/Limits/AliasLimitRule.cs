using GraphQL.Validation;
using GraphQLParser.AST;
using Marketplace.Gateway.Errors;

namespace Marketplace.Gateway.Limits;

/// <summary>
/// Caps aliases per document: aliases let one request repeat an expensive or sensitive field many times
/// (e.g. fifty login attempts), which depth and complexity alone do not always catch.
/// </summary>
internal sealed class AliasLimitRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLDocument>((document, ctx) =>
        {
            var count = 0;
            Count(document, ref count);
            if (count > maxAliases)
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, ErrorCodes.TooManyAliases, $"The document uses {count} aliases; at most {maxAliases} are allowed.")
                {
                    Code = ErrorCodes.TooManyAliases,
                });
            }
        }));

    private static void Count(ASTNode node, ref int count)
    {
        if (node is GraphQLField { Alias: not null })
            count++;
        switch (node)
        {
            case GraphQLDocument document:
                foreach (var definition in document.Definitions)
                    Count(definition, ref count);
                break;
            case IHasSelectionSetNode { SelectionSet: { } selectionSet }:
                foreach (var selection in selectionSet.Selections)
                    Count(selection, ref count);
                break;
        }
    }
}
