using FluentValidation;
using Grpc.Core;
using Marketplace.Fixtures.Widgets;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Shared.UseCases;
using Marketplace.Testing;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.UseCases.Tests;

/// <summary>
/// The decision of docs/adr/0002, proven: Mediator's source generator, placed in the composing project, registers
/// a module's internal handlers (given InternalsVisibleTo), and the pipeline validates, logs and runs each command in one transaction.
/// Runs against a fresh PostgreSQL database.
/// </summary>
public sealed class UseCasePipelineTests : IAsyncLifetime
{
    private string _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestServices.CreateDatabaseAsync("usecases");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marketplace"] = _database })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new ContractOptions());
        var registry = services.AddModules(configuration, [new WidgetsModule()]);
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.Assemblies = [typeof(WidgetsModule)];
            options.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>)];
        });
        services.AddValidatorsFromAssemblies(registry.Modules.Select(m => m.Assembly), ServiceLifetime.Scoped, includeInternalTypes: true);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WidgetsDbContext>().Database.EnsureCreatedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await TestServices.DropDatabaseAsync(_database);
    }

    [Fact]
    public void The_generator_registers_the_modules_internal_handlers()
    {
        using var scope = _services.CreateScope();

        scope.ServiceProvider.GetService<ICommandHandler<CreateWidgetCommand, Guid>>().Should().BeOfType<CreateWidgetHandler>();
        scope.ServiceProvider.GetService<IQueryHandler<PeekWidgetQuery, string?>>().Should().BeOfType<PeekWidgetHandler>();
    }

    [Fact]
    public async Task A_command_is_committed_once_its_handler_succeeds()
    {
        var id = await Send(new CreateWidgetCommand("sprocket"));

        (await Stored(id)).Should().Be("sprocket");
    }

    [Fact]
    public async Task New_keys_are_UUIDv7()
    {
        var id = await Send(new CreateWidgetCommand("ordered"));

        id.Version.Should().Be(7);
    }

    [Fact]
    public async Task Invalid_input_is_InvalidArgument_with_each_field_and_nothing_is_saved()
    {
        var before = await CountWidgets();

        var send = () => Send(new CreateWidgetCommand(new string('x', 21)));

        var error = (await send.Should().ThrowAsync<RpcException>()).Which;
        error.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Reason().Should().Be(ValidationBehavior<CreateWidgetCommand, Guid>.Reason);
        error.FieldViolations().Should().ContainSingle().Which.Should().Be(
            new FieldViolation("name", "The length of 'Name' must be 20 characters or fewer. You entered 21 characters.", "NAME_TOO_LONG"));
        (await CountWidgets()).Should().Be(before);
    }

    [Fact]
    public async Task A_failing_handler_commits_nothing()
    {
        var before = await CountWidgets();

        var send = () => Send(new CreateWidgetCommand("explode"));

        (await send.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("WIDGET_EXPLODED");
        (await CountWidgets()).Should().Be(before);
    }

    [Fact]
    public async Task A_handler_that_saved_before_failing_commits_nothing()
    {
        var name = $"half-{Guid.NewGuid():N}"[..20];

        var send = () => Send<Guid>(new CreateWidgetThenFailCommand(name));

        (await send.Should().ThrowAsync<RpcException>()).Which.Reason().Should().Be("WIDGET_EXPLODED");
        await using var scope = _services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<WidgetsDbContext>().Widgets.AnyAsync(w => w.Name == name)).Should().BeFalse();
    }

    [Fact]
    public async Task A_query_never_commits()
    {
        var id = await Send(new CreateWidgetCommand("original"));

        var seen = await Send(new PeekWidgetQuery(id));

        seen.Should().Be("original");
        (await Stored(id)).Should().Be("original");
    }

    private async Task<TResponse> Send<TResponse>(IMessage message)
    {
        await using var scope = _services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        return message switch
        {
            ICommand<TResponse> command => await sender.Send(command),
            IQuery<TResponse> query => await sender.Send(query),
            _ => throw new ArgumentException("not a command or query", nameof(message)),
        };
    }

    private Task<Guid> Send(CreateWidgetCommand command) => Send<Guid>(command);

    private Task<string?> Send(PeekWidgetQuery query) => Send<string?>(query);

    private async Task<string?> Stored(Guid id)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WidgetsDbContext>();
        return (await db.Widgets.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id))?.Name;
    }

    private async Task<int> CountWidgets()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WidgetsDbContext>().Widgets.CountAsync();
    }
}
