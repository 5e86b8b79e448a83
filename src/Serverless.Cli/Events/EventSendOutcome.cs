using Serverless.Cli.Http;

namespace Serverless.Cli.Events;

/// <summary>What <see cref="EventSendStep"/> did: the post report, or in a dry run the batches and bytes it would send.</summary>
internal sealed class EventSendOutcome
{
    public EventPostReport? Report { get; set; }

    public int Batches { get; set; }

    public long Bytes { get; set; }
}
