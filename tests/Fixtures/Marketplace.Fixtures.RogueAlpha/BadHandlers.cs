using Mediator;

namespace Marketplace.Fixtures.RogueAlpha;

internal sealed record ApplyDiscountCommand(decimal Price) : ICommand<decimal>;

/// <summary>Violation: a handler outside a use-case folder (its namespace is not …ApplyDiscount).</summary>
internal sealed class ApplyDiscountHandler : ICommandHandler<ApplyDiscountCommand, decimal>
{
    public ValueTask<decimal> Handle(ApplyDiscountCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(command.Price);
}
