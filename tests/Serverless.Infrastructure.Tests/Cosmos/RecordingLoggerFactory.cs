using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Infrastructure.Tests.Cosmos;

/// <summary>Keeps every log entry (level, category, structured properties) so tests can look at what was logged.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<RecordedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, Entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<RecordedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new RecordedLogEntry(logLevel, category, formatter(state, exception), properties.ToDictionary(p => p.Key, p => p.Value)));
        }
    }
}
