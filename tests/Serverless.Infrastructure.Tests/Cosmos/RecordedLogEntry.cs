using Microsoft.Extensions.Logging;

namespace Serverless.Infrastructure.Tests.Cosmos;

internal sealed record RecordedLogEntry(LogLevel Level, string Category, string Message, IReadOnlyDictionary<string, object?> Properties);
