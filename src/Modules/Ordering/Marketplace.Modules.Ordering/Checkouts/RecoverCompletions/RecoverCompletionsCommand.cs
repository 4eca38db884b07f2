using Mediator;

namespace Marketplace.Modules.Ordering.Checkouts.RecoverCompletions;

/// <summary>
/// One batch of the recovery job: checkouts left COMPLETING since before <paramref name="StartedBefore"/> (a completion
/// takes seconds; one that old died with its process) are undone, as <see cref="FailCompletion.FailCompletionCommand"/>
/// does. Answers how many were undone.
/// </summary>
internal sealed record RecoverCompletionsCommand(DateTimeOffset StartedBefore, int BatchSize) : ICommand<int>;
