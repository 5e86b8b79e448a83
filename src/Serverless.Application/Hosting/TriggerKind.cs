namespace Serverless.Application.Hosting;

/// <summary>What starts a function.</summary>
public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}
