using System.Text.Json;
using Serverless.Domain.Events;
using Serverless.Domain.Json;

namespace Serverless.Cli.Tests.Http;

/// <summary>Two events are equal when their wire JSON is (records compare lists by reference).</summary>
internal sealed class EventEquality : IEqualityComparer<BehaviorEvent>
{
    public static EventEquality Instance { get; } = new();

    public bool Equals(BehaviorEvent? x, BehaviorEvent? y) =>
        JsonSerializer.Serialize(x, DomainJson.Options) == JsonSerializer.Serialize(y, DomainJson.Options);

    public int GetHashCode(BehaviorEvent obj) => JsonSerializer.Serialize(obj, DomainJson.Options).GetHashCode(StringComparison.Ordinal);
}
