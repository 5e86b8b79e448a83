using Microsoft.Extensions.Configuration;

namespace Serverless.Application.Hosting;

/// <summary>
/// The queues the queue functions read, resolved once from the app settings of the catalogue
/// (<see cref="FunctionCatalog.QueueName"/>), so that producers (POST /api/events) write where the triggers listen.
/// </summary>
public sealed class ConfiguredQueueNames
{
    private readonly Dictionary<string, string> _byFunction;

    public ConfiguredQueueNames(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _byFunction = FunctionCatalog.Queues.ToDictionary(f => f.Name, f => FunctionCatalog.QueueName(configuration, f), StringComparer.Ordinal);
    }

    /// <summary>The queue <paramref name="functionName"/> (a queue function of the catalogue) reads.</summary>
    public string For(string functionName) =>
        _byFunction.TryGetValue(functionName, out var name)
            ? name
            : throw new KeyNotFoundException($"'{functionName}' is not a queue function of the catalogue.");
}
