namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// A function as declared in a Serverless.Functions source file: the <c>[Function]</c> name, its trigger attribute's
/// arguments as written, and the handler types its class takes and calls <c>HandleAsync</c> on.
/// </summary>
public sealed record DeclaredFunction
{
    public required string Name { get; init; }

    public required string File { get; init; }

    public required string ClassName { get; init; }

    /// <summary><c>HttpTrigger</c>, <c>QueueTrigger</c>, <c>TimerTrigger</c>; null when the method has no trigger parameter.</summary>
    public string? TriggerAttribute { get; init; }

    /// <summary>The <c>AuthorizationLevel</c> member named by an HTTP trigger (<c>Function</c>, <c>Anonymous</c>, ...).</summary>
    public string? AuthorizationLevel { get; init; }

    public IReadOnlyList<string> Methods { get; init; } = [];

    public string? Route { get; init; }

    /// <summary>The queue name argument as written, e.g. <c>%EventsQueueName%</c>.</summary>
    public string? QueueName { get; init; }

    public string? Connection { get; init; }

    /// <summary>The schedule argument as written, e.g. <c>%RfmRecomputeSchedule%</c>.</summary>
    public string? Schedule { get; init; }

    /// <summary>Full names of the constructor parameter types that are Serverless.Application handlers (have HandleAsync).</summary>
    public IReadOnlyList<string> HandlerParameters { get; init; } = [];

    /// <summary>Full names of the types whose <c>HandleAsync</c> the function method calls.</summary>
    public IReadOnlyList<string> HandlersCalled { get; init; } = [];

    /// <summary>Lines in the file: functions are thin adapters.</summary>
    public int FileLines { get; init; }
}
