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
/// Runs GraphQL requests for every transport: document cache, limits as validation rules, timeout, and the
/// caller pushed as the ambient <see cref="CallContext"/>.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<MarketplaceSchema> executer,
    DocumentCache cache,
    GatewayRuntime runtime,
    ILogger<GraphQLExecutor> logger)
{
    private readonly GraphQLDocumentBuilder _parser = new() { MaxDepth = 64 };
    private readonly IValidationRule[] _rules = BuildRules(runtime);

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
            try
            {
                document = _parser.Build(request.Query);
            }
            catch (SyntaxError error)
            {
                return (new ExecutionResult { Errors = [error] }, ExecutionOutcome.RequestError);
            }
        }

        var operation = SelectOperation(document, request.OperationName);
        if (operation is not null && !allowedOperations.Contains(operation.Operation))
            return (new ExecutionResult(), ExecutionOutcome.OperationNotAllowed);

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
            // A cached document already passed every rule, and no rule depends on caller or variables.
            ValidationRules = cached ? [] : _rules,
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

    private static GraphQLOperationDefinition? SelectOperation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (string.IsNullOrEmpty(operationName))
            return operations.Count == 1 ? operations[0] : null;
        return operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
    }

    private static IValidationRule[] BuildRules(GatewayRuntime runtime)
    {
        var options = runtime.Options;
        var rules = new List<IValidationRule>(DocumentValidator.CoreRules)
        {
            new ComplexityValidationRule(new ComplexityOptions
            {
                MaxDepth = options.MaxDepth,
                MaxComplexity = options.MaxComplexity,
                DefaultListImpactMultiplier = options.DefaultListSize,
            }),
            new AliasLimitRule(options.MaxAliases),
        };
        if (!runtime.Introspection)
            rules.Add(NoIntrospectionValidationRule.Instance);
        return [.. rules];
    }
}
