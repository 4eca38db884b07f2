using System.Reflection;
using Marketplace.Shared.Modules;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Marketplace.Architecture.Tests;

/// <summary>A set of assemblies to judge: the real marketplace, or a deliberately bad fixture.</summary>
public sealed record Solution(
    Assembly Shared,
    Assembly Gateway,
    Assembly Host,
    IReadOnlyList<Assembly> Modules,
    IReadOnlyList<Assembly> Contracts);

/// <summary>
/// The house rules of DESIGN.md as functions from assemblies to offending types, so each rule can be run both
/// against the real solution (must be empty) and against a rogue fixture (must name the offender).
/// </summary>
public static class HouseRules
{
    /// <summary>Rule 1: a module uses Shared and Contracts only, never another module's internals, the gateway or the host.</summary>
    public static IReadOnlyList<string> ModulesUseOnlySharedAndContracts(Solution solution, Assembly module) =>
        Offenders(module, solution.Modules.Where(m => m != module).Append(solution.Gateway).Append(solution.Host));

    /// <summary>The gateway knows Contracts and Shared only, so moving a module out of process changes no gateway code.</summary>
    public static IReadOnlyList<string> GatewayUsesOnlyContractsAndShared(Solution solution) =>
        Offenders(solution.Gateway, solution.Modules.Append(solution.Host));

    /// <summary>Rule 2: a module's public surface is its entry type (the <see cref="IModule"/>); everything else is internal.</summary>
    public static IReadOnlyList<string> ModuleTypesAreInternalExceptTheEntryType(Assembly module) =>
        Names(Types.InAssembly(module)
            .That().ArePublic()
            .And().DoNotImplementInterface(typeof(IModule))
            .GetTypes());

    /// <summary>Rule 3: no module touches another module's DbContext (its tables are reached through its contract).</summary>
    public static IReadOnlyList<string> NoModuleUsesAnotherModulesDbContext(Solution solution, Assembly module)
    {
        var foreignContexts = solution.Modules
            .Where(m => m != module)
            .SelectMany(m => m.GetTypes())
            .Where(t => typeof(DbContext).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToArray();
        return foreignContexts.Length == 0
            ? []
            : Names(Types.InAssembly(module).That().HaveDependencyOnAny(foreignContexts).GetTypes());
    }

    /// <summary>Contracts are the public surface: they depend on no module implementation, no gateway, no host.</summary>
    public static IReadOnlyList<string> ContractsDependOnNoImplementation(Solution solution, Assembly contracts) =>
        Offenders(contracts, solution.Modules.Append(solution.Gateway).Append(solution.Host));

    /// <summary>Shared is the bottom layer: it knows no module, gateway or host.</summary>
    public static IReadOnlyList<string> SharedDependsOnNoModule(Solution solution) =>
        Offenders(solution.Shared, solution.Modules.Concat(solution.Contracts).Append(solution.Gateway).Append(solution.Host));

    /// <summary>
    /// Use cases (docs/adding-a-module.md): every Mediator handler is <c>internal sealed</c>, named
    /// <c>&lt;UseCase&gt;Handler</c> and lives in its use case's folder, i.e. a namespace ending in <c>.&lt;UseCase&gt;</c>.
    /// </summary>
    public static IReadOnlyList<string> HandlersAreInternalSealedInTheirUseCaseFolders(Assembly module) =>
        module.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.Name.StartsWith('<') && IsHandler(t))
            .Where(t => t.IsPublic || t.IsNestedPublic || !t.IsSealed || !InItsFolder(t))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Contract methods check the caller, send one use case and map the result: the gRPC service implementations (in
    /// the module's <c>GrpcServices</c> folder) depend on no DbContext and no EF Core, and their constructors take
    /// Mediator's <c>ISender</c>/<c>IMediator</c> only (no domain services, no service locator).
    /// </summary>
    public static IReadOnlyList<string> ContractServicesOnlySendUseCases(Assembly module)
    {
        var services = module.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && !t.Name.StartsWith('<') && t.Namespace?.EndsWith(".GrpcServices", StringComparison.Ordinal) == true)
            .ToList();
        var dbContexts = module.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t)).Select(t => t.FullName!).Append("Microsoft.EntityFrameworkCore").ToArray();
        var touchingData = Types.InAssembly(module).That().ResideInNamespaceEndingWith(".GrpcServices").And().HaveDependencyOnAny(dbContexts).GetTypes()
            .Select(t => t.FullName!);
        var notSending = services
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType.FullName is not ("Mediator.ISender" or "Mediator.IMediator"))))
            .Select(t => t.FullName!);
        var elsewhere = module.GetTypes()
            .Where(t => t.BaseType?.GetCustomAttributes().Any(a => a.GetType().Name == "BindServiceMethodAttribute") == true
                && t.Namespace?.EndsWith(".GrpcServices", StringComparison.Ordinal) != true)
            .Select(t => t.FullName!);
        return touchingData.Concat(notSending).Concat(elsewhere).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsHandler(Type type) =>
        type.GetInterfaces().Any(i => i.Namespace == "Mediator" && i.Name.Contains("Handler", StringComparison.Ordinal) && !i.Name.StartsWith("INotification", StringComparison.Ordinal));

    private static bool InItsFolder(Type handler) =>
        handler.Name.EndsWith("Handler", StringComparison.Ordinal)
        && handler.Namespace?.Split('.')[^1] == handler.Name[..^"Handler".Length];

    private static IReadOnlyList<string> Offenders(Assembly subject, IEnumerable<Assembly> forbidden)
    {
        var forbiddenTypes = forbidden.SelectMany(OwnTypeNames).Distinct().ToArray();
        if (forbiddenTypes.Length == 0)
            return [];
        var result = Types.InAssembly(subject).ShouldNot().HaveDependencyOnAny(forbiddenTypes).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames.Order(StringComparer.Ordinal).ToList();
    }

    // Types the project itself declares: compiler-embedded attributes (NullableAttribute and the like) exist in
    // every assembly under the same name and must not count as a dependency on that assembly.
    private static IEnumerable<string> OwnTypeNames(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Marketplace.", StringComparison.Ordinal) == true && !t.Name.StartsWith('<'))
            .Select(t => t.FullName!);

    private static IReadOnlyList<string> Names(IEnumerable<Type>? types) =>
        (types ?? []).Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
}
