using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Marketplace.Gateway.Limits;
using Marketplace.Gateway.Schema;
using Marketplace.Shared.Contracts;
using Microsoft.Extensions.Logging;

namespace Marketplace.Gateway.Execution;

/// <summary>One GraphQL request as the transports hand it over (HTTP GET/POST, WebSocket subscribe).</summary>
public sealed record GraphQLRequestData(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);

/// <summary>How a request ended before or after execution, for the transport to choose a status.</summary>
public enum ExecutionOutcome
{
    /// <summary>Executed (maybe with field errors).</summary>
    Executed,

    /// <summary>Failed before execution: parse, validation or variable errors (a "request error").</summary>
    RequestError,

    /// <summary>The selected operation may not run on this transport (a mutation over GET).</summary>
    OperationNotAllowed,
}

/// <summary>
/// Runs GraphQL requests for every transport: document budget, document cache, limits as validation rules, timeout,
/// and the caller pushed as the ambient <see cref="CallContext"/>.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<MarketplaceSchema> executer,
    DocumentCache cache,
    DocumentBudget budget,
    GatewayRuntime runtime,
    ILogger<GraphQLExecutor> logger)
{
    // The parser recurses once per nesting level (a few levels per selection set); its own limit keeps it off the
    // stack's edge, and DocumentBudget refuses anything nested deeper than MaxNesting after it.
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = Math.Max(64, runtime.Options.MaxNesting * 3) };
    private readonly IValidationRule[] _rules = BuildRules(runtime, introspectionOnly: false);
    private readonly IValidationRule[] _cachedRules = VariableDependent(BuildRules(runtime, introspectionOnly: false));
    private readonly IValidationRule[] _introspectionRules = BuildRules(runtime, introspectionOnly: true);
    private readonly IValidationRule[] _cachedIntrospectionRules = VariableDependent(BuildRules(runtime, introspectionOnly: true));

    public async Task<(ExecutionResult Result, ExecutionOutcome Outcome)> ExecuteAsync(
        GraphQLRequestData request,
        CallContext callContext,
        IServiceProvider requestServices,
        IReadOnlySet<OperationType> allowedOperations,
        CancellationToken cancellationToken)
    {
        var cached = cache.TryGet(request.Query, out var document);
        if (!cached)
        {
            if (budget.CheckTokens(request.Query) is { } tooLarge)
                return Refused(tooLarge);
            try
            {
                document = _parser.Build(request.Query);
            }
            catch (SyntaxError error)
            {
                return (new ExecutionResult { Errors = [error] }, ExecutionOutcome.RequestError);
            }
            catch (GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
            {
                return Refused(new Errors.GatewayError(Errors.ErrorCodes.QueryTooDeep, $"The document is nested too deeply to parse; at most {runtime.Options.MaxNesting} levels of selections are allowed."));
            }

            if (budget.Check(document) is { } overBudget)
                return Refused(overBudget);
        }

        var operation = SelectOperation(document, request.OperationName);
        if (operation is not null && !allowedOperations.Contains(operation.Operation))
            return (new ExecutionResult(), ExecutionOutcome.OperationNotAllowed);

        // Reading the schema is exempt from the depth and complexity limits meant for data (IntrospectionRules).
        var introspectionOnly = IntrospectionRules.IsIntrospectionOnly(document);
        using var scope = CallContext.Push(callContext);
        var options = new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables ?? Inputs.Empty,
            Extensions = request.Extensions ?? Inputs.Empty,
            RequestServices = requestServices,
            UserContext = new GatewayUserContext(callContext),
            CancellationToken = cancellationToken,
            // A cached document passed every rule once; the rules that read variables (complexity: `first: $n`) run
            // again on every request, since the same text may come back with other values.
            ValidationRules = (cached, introspectionOnly) switch
            {
                (false, false) => _rules,
                (true, false) => _cachedRules,
                (false, true) => _introspectionRules,
                (true, true) => _cachedIntrospectionRules,
            },
            CachedDocumentValidationRules = [],
            Timeout = runtime.Options.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                if (context.OriginalException is not Grpc.Core.RpcException { StatusCode: not (Grpc.Core.StatusCode.Internal or Grpc.Core.StatusCode.Unknown) })
                    logger.LogError(context.OriginalException, "GraphQL field {Field} failed", context.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            },
        };

        var result = await executer.ExecuteAsync(options);
        if (!result.Executed)
            return (result, ExecutionOutcome.RequestError);
        if (!cached)
            cache.Add(request.Query, document);
        return (result, ExecutionOutcome.Executed);
    }

    private static (ExecutionResult, ExecutionOutcome) Refused(ExecutionError error) =>
        (new ExecutionResult { Errors = [error] }, ExecutionOutcome.RequestError);

    /// <summary>
    /// The rules whose verdict can change with variable values. GraphQL.NET gives rules the variables through two
    /// hooks only: variable visitors (run while variables are coerced) and post-node visitors (run after arguments are
    /// parsed with the variables, e.g. complexity and argument validators). Pre-node visitors see the document alone,
    /// so their verdict holds for every request with the same text and need not run again on a cached document.
    /// A rule that does not derive from <see cref="ValidationRuleBase"/> is kept, to be safe.
    /// </summary>
    private static IValidationRule[] VariableDependent(IEnumerable<IValidationRule> rules) =>
        [.. rules.Where(rule => rule is not ValidationRuleBase
            || Overrides(rule, nameof(IValidationRule.GetVariableVisitorAsync))
            || Overrides(rule, nameof(IValidationRule.GetPostNodeVisitorAsync)))];

    private static bool Overrides(IValidationRule rule, string method) =>
        rule.GetType().GetMethod(method, [typeof(ValidationContext)])?.DeclaringType != typeof(ValidationRuleBase);

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
            return operations.Count == 1 ? operations[0] : null;
        return operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static IValidationRule[] BuildRules(GatewayRuntime runtime, bool introspectionOnly)
    {
        var options = runtime.Options;
        var rules = new List<IValidationRule> { ValidationDeadlineRule.Instance };
        rules.AddRange(DocumentValidator.CoreRules);
        if (!introspectionOnly)
        {
            rules.Add(new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = options.MaxDepth,
                MaxComplexity = options.MaxComplexity,
                DefaultListImpactMultiplier = options.DefaultListSize,
            }));
        }

        rules.Add(new AliasLimitRule(options.MaxAliases));
        rules.Add(IntrospectionRules.Instance);
        if (!runtime.Introspection)
            rules.Add(NoIntrospectionValidationRule.Instance);
        return [.. rules];
    }
}
