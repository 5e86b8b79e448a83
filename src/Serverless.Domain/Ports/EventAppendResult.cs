namespace Serverless.Domain.Ports;

/// <summary>What appending an event to the event log found.</summary>
public enum EventAppendResult
{
    /// <summary>First time this event id was seen: apply it.</summary>
    Created,

    /// <summary>Seen before but not marked processed (an earlier delivery failed midway): apply it again; the profile's own ledger keeps that exact.</summary>
    SeenButNotProcessed,

    /// <summary>Seen and fully processed before: a duplicate delivery, change nothing.</summary>
    AlreadyProcessed,
}
