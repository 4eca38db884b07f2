using System.Reflection;
using Marketplace.Fixtures.RogueAlpha;
using Marketplace.Fixtures.RogueBeta;
using Marketplace.Fixtures.RogueContracts;
using Marketplace.Fixtures.RogueGateway;
using Marketplace.Gateway;
using Marketplace.Host;
using Marketplace.Shared.Modules;

namespace Marketplace.Architecture.Tests;

/// <summary>
/// Each house rule is checked against the real solution, and shown to catch a violation in the rogue fixtures
/// (tests/Fixtures), so a rule that silently checks nothing cannot pass unnoticed.
/// </summary>
public sealed class HouseRuleTests
{
    private static readonly Solution Real = new(
        typeof(IModule).Assembly,
        GatewayAssembly.Assembly,
        typeof(Program).Assembly,
        ModuleCatalog.All.Select(m => m.GetType().Assembly).ToList(),
        ModuleCatalog.All.Select(m => Assembly.Load($"{m.GetType().Assembly.GetName().Name}.Contracts")).ToList());

    private static readonly Solution Rogue = new(
        typeof(IModule).Assembly,
        typeof(RogueResolver).Assembly,
        typeof(Program).Assembly,
        [typeof(AlphaModule).Assembly, typeof(BetaModule).Assembly],
        []);

    public static TheoryData<string> RealModules => new(Real.Modules.Select(m => m.GetName().Name!));

    public static TheoryData<string> RealContracts => new(Real.Contracts.Select(c => c.GetName().Name!));

    [Fact]
    public void The_real_solution_has_every_module_of_the_catalog() =>
        Real.Modules.Select(m => m.GetName().Name).Should().Contain(["Marketplace.Modules.Users", "Marketplace.Modules.Sellers", "Marketplace.Modules.Catalog", "Marketplace.Modules.Notifications"]);

    [Theory]
    [MemberData(nameof(RealModules))]
    public void Modules_use_only_Shared_and_Contracts(string module) =>
        HouseRules.ModulesUseOnlySharedAndContracts(Real, Find(module)).Should().BeEmpty();

    [Fact]
    public void Rule_modules_use_only_Shared_and_Contracts_catches_a_module_using_another_modules_internals() =>
        HouseRules.ModulesUseOnlySharedAndContracts(Rogue, typeof(BetaModule).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueBeta.BetaCheckout", "Marketplace.Fixtures.RogueBeta.BetaReport");

    [Fact]
    public void The_gateway_uses_only_Contracts_and_Shared() =>
        HouseRules.GatewayUsesOnlyContractsAndShared(Real).Should().BeEmpty();

    [Fact]
    public void Rule_gateway_uses_only_Contracts_and_Shared_catches_a_resolver_using_module_internals() =>
        HouseRules.GatewayUsesOnlyContractsAndShared(Rogue).Should().Equal("Marketplace.Fixtures.RogueGateway.RogueResolver");

    [Theory]
    [MemberData(nameof(RealModules))]
    public void Module_types_are_internal_except_the_entry_type(string module) =>
        HouseRules.ModuleTypesAreInternalExceptTheEntryType(Find(module)).Should().BeEmpty();

    [Fact]
    public void Rule_module_types_are_internal_catches_public_implementation_types() =>
        HouseRules.ModuleTypesAreInternalExceptTheEntryType(typeof(AlphaModule).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueAlpha.AlphaDbContext", "Marketplace.Fixtures.RogueAlpha.AlphaPricing");

    [Theory]
    [MemberData(nameof(RealModules))]
    public void No_module_uses_another_modules_DbContext(string module) =>
        HouseRules.NoModuleUsesAnotherModulesDbContext(Real, Find(module)).Should().BeEmpty();

    [Fact]
    public void Rule_no_foreign_DbContext_catches_a_module_reading_another_modules_tables() =>
        HouseRules.NoModuleUsesAnotherModulesDbContext(Rogue, typeof(BetaModule).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueBeta.BetaReport");

    [Theory]
    [MemberData(nameof(RealContracts))]
    public void Contracts_depend_on_no_implementation(string contracts) =>
        HouseRules.ContractsDependOnNoImplementation(Real, Real.Contracts.Single(c => c.GetName().Name == contracts)).Should().BeEmpty();

    [Fact]
    public void Rule_contracts_depend_on_no_implementation_catches_a_contract_using_a_module() =>
        HouseRules.ContractsDependOnNoImplementation(Rogue, typeof(AlphaQuote).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueContracts.AlphaQuote");

    [Theory]
    [MemberData(nameof(RealModules))]
    public void Handlers_are_internal_sealed_in_their_use_case_folders(string module) =>
        HouseRules.HandlersAreInternalSealedInTheirUseCaseFolders(Find(module)).Should().BeEmpty();

    [Fact]
    public void Rule_handlers_in_use_case_folders_catches_misplaced_and_unsealed_handlers() =>
        HouseRules.HandlersAreInternalSealedInTheirUseCaseFolders(typeof(AlphaModule).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueAlpha.ApplyDiscountHandler", "Marketplace.Fixtures.RogueAlpha.Quotes.GetQuote.OpenHandler");

    [Theory]
    [MemberData(nameof(RealModules))]
    public void Contract_services_only_send_use_cases(string module) =>
        HouseRules.ContractServicesOnlySendUseCases(Find(module)).Should().BeEmpty();

    [Fact]
    public void Rule_contract_services_only_send_use_cases_catches_a_service_reading_the_database() =>
        HouseRules.ContractServicesOnlySendUseCases(typeof(AlphaModule).Assembly)
            .Should().Equal("Marketplace.Fixtures.RogueAlpha.GrpcServices.AlphaGrpcService");

    /// <summary>
    /// Commands that own their transaction are an exception kept for measured hot-row cases, each documented: a new one
    /// is added here on purpose, never by accident.
    /// </summary>
    [Fact]
    public void Only_the_documented_commands_commit_themselves() =>
        Real.Modules.SelectMany(m => m.GetTypes())
            .Where(t => typeof(Marketplace.Shared.UseCases.ICommitsItself).IsAssignableFrom(t) && !t.IsInterface)
            .Select(t => t.FullName)
            .Should().Equal("Marketplace.Modules.Inventory.Reservations.Reserve.ReserveCommand");

    [Fact]
    public void Shared_depends_on_no_module_gateway_or_host() =>
        HouseRules.SharedDependsOnNoModule(Real).Should().BeEmpty();

    [Fact]
    public void Rule_shared_depends_on_no_module_catches_a_dependency_on_a_module() =>
        HouseRules.SharedDependsOnNoModule(Rogue with { Shared = typeof(BetaModule).Assembly, Modules = [typeof(AlphaModule).Assembly] })
            .Should().Contain("Marketplace.Fixtures.RogueBeta.BetaReport");

    [Theory]
    [MemberData(nameof(RealModules))]
    public void Each_module_owns_a_distinct_schema_named_after_it(string module)
    {
        var entry = ModuleCatalog.All.Single(m => m.GetType().Assembly.GetName().Name == module);

        entry.Schema.Should().Be(entry.Name.ToLowerInvariant());
        ModuleCatalog.All.Count(m => m.Schema == entry.Schema).Should().Be(1);
    }

    private static Assembly Find(string module) => Real.Modules.Single(m => m.GetName().Name == module);
}
