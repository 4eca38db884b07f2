using GraphQL.Validation;
using GraphQLParser.AST;

namespace Marketplace.Gateway.Limits;

/// <summary>
/// Puts validation under the execution timeout: GraphQL.NET hands the timeout's token to validation but its rules
/// never look at it, so a slow document used to run to the end (and only then report TIMEOUT). This visitor checks it
/// at every node, in both validation passes. <see cref="DocumentBudget"/> keeps documents small enough that it
/// rarely matters; it is the second line.
/// </summary>
internal sealed class ValidationDeadlineRule : ValidationRuleBase, INodeVisitor
{
    public static readonly ValidationDeadlineRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(this);

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) => new(this);

    public ValueTask EnterAsync(ASTNode node, ValidationContext context)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        return default;
    }

    public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
}
