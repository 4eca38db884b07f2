using FluentValidation;
using Marketplace.Shared.Contracts;
using Marketplace.Shared.Modules;
using Marketplace.Shared.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Fixtures.Widgets;

/// <summary>A module shaped like a real one (internal use cases, its own DbContext) that proves the pipeline.</summary>
public sealed class WidgetsModule : IModule
{
    public string Name => "Widgets";

    public string Schema => WidgetsDbContext.SchemaName;

    public void Register(ModuleBuilder module) => module.AddDbContext<WidgetsDbContext>();
}

internal sealed class Widget
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateTimeOffset RenamedAt { get; set; }
}

internal sealed class WidgetsDbContext(DbContextOptions<WidgetsDbContext> options) : ModuleDbContext(options, SchemaName)
{
    public const string SchemaName = "widgets";

    public DbSet<Widget> Widgets => Set<Widget>();
}

internal sealed record CreateWidgetCommand(string Name) : ICommand<Guid>;

internal sealed class CreateWidgetValidator : AbstractValidator<CreateWidgetCommand>
{
    public CreateWidgetValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithErrorCode("NAME_REQUIRED").MaximumLength(20).WithErrorCode("NAME_TOO_LONG");
    }
}

internal sealed class CreateWidgetHandler(WidgetsDbContext db) : ICommandHandler<CreateWidgetCommand, Guid>
{
    public ValueTask<Guid> Handle(CreateWidgetCommand command, CancellationToken cancellationToken)
    {
        if (command.Name == "explode")
            throw ContractError.FailedPrecondition("WIDGET_EXPLODED", "This widget cannot be made.");

        var widget = new Widget { Name = command.Name, RenamedAt = DateTimeOffset.UtcNow };
        db.Widgets.Add(widget);

        // Nothing is saved here: the transaction behaviour saves once the handler has succeeded.
        return ValueTask.FromResult(widget.Id);
    }
}

/// <summary>Saves a widget half-way (as handlers that need a database answer do), then fails.</summary>
internal sealed record CreateWidgetThenFailCommand(string Name) : ICommand<Guid>;

internal sealed class CreateWidgetThenFailHandler(WidgetsDbContext db) : ICommandHandler<CreateWidgetThenFailCommand, Guid>
{
    public async ValueTask<Guid> Handle(CreateWidgetThenFailCommand command, CancellationToken cancellationToken)
    {
        db.Widgets.Add(new Widget { Name = command.Name, RenamedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        throw ContractError.FailedPrecondition("WIDGET_EXPLODED", "This widget exploded after it was saved.");
    }
}

internal sealed record PeekWidgetQuery(Guid Id) : IQuery<string?>;

internal sealed class PeekWidgetHandler(WidgetsDbContext db) : IQueryHandler<PeekWidgetQuery, string?>
{
    public async ValueTask<string?> Handle(PeekWidgetQuery query, CancellationToken cancellationToken)
    {
        var widget = await db.Widgets.FindAsync([query.Id], cancellationToken);
        if (widget is null)
            return null;

        // A query that (wrongly) changes state: the pipeline must not persist it.
        var name = widget.Name;
        widget.Name = "changed by a query";
        return name;
    }
}
