using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Marketplace.Inventory.Tests.Support;

/// <summary>Keeps the host's log lines of the categories a test watches (e.g. the reconciliation job's drift lines).</summary>
public sealed class RecordedLogs(params string[] categories) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.Watches(category);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner.Watches(category))
                owner._lines.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    private bool Watches(string category) => categories.Any(c => category.StartsWith(c, StringComparison.Ordinal));
}
