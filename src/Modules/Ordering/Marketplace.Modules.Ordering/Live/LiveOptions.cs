namespace Marketplace.Modules.Ordering.Live;

/// <summary>Settings of the live streams (<c>Modules:Ordering:Live</c>).</summary>
internal sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// Streams (order or store watches) one user may hold open at once in this process, over all their connections;
    /// one more is refused with RATE_LIMITED. The gateway also caps subscriptions per connection.
    /// </summary>
    public int MaxStreamsPerUser { get; set; } = 50;

    /// <summary>Events a slow stream may have waiting; beyond it the oldest are dropped (the stream is at most once).</summary>
    public int StreamBuffer { get; set; } = 32;
}
