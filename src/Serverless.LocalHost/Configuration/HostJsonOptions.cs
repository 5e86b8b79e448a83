namespace Serverless.LocalHost.Configuration;

/// <summary>The parts of host.json the local host honours.</summary>
public sealed record HostJsonOptions
{
    public QueuesOptions Queues { get; init; } = new();

    /// <summary><c>extensions.http.routePrefix</c>: the path segment in front of every HTTP route (default "api").</summary>
    public string RoutePrefix { get; init; } = "api";
}
