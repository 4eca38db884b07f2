using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Marketplace.Users.Tests.Support;

/// <summary>Every log line the host writes (message, exception, state values), to prove secrets never reach them.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public bool Contains(string secret) => _lines.Any(l => l.Contains(secret, StringComparison.Ordinal));

    /// <summary>The lines that mention <paramref name="text"/>, for a failing assertion's message.</summary>
    public string Lines(string text) => string.Join('\n', _lines.Where(l => l.Contains(text, StringComparison.OrdinalIgnoreCase)));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner._lines.Enqueue(state.ToString() ?? "");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            owner._lines.Enqueue($"{formatter(state, exception)} {values} {exception}");
        }
    }
}
