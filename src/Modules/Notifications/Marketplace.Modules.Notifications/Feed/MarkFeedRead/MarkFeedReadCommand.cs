using Marketplace.Modules.Notifications.Contracts.V1;
using Mediator;

namespace Marketplace.Modules.Notifications.Feed.MarkFeedRead;

/// <summary>
/// The user marks some (<see cref="Ids"/>) or all of their unread notifications read. Ids that are not theirs, or not ids,
/// match nothing.
/// </summary>
internal sealed record MarkFeedReadCommand(Guid UserId, IReadOnlyList<Guid> Ids, bool All) : ICommand<MarkFeedReadResult>
{
    public static MarkFeedReadCommand From(Guid userId, MarkFeedReadRequest request) => new(
        userId,
        request.Ids.Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList(),
        request.All);
}

/// <summary>How many were marked now, and how many stay unread.</summary>
internal sealed record MarkFeedReadResult(int Marked, int UnreadCount);
