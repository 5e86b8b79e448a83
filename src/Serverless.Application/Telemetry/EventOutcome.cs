namespace Serverless.Application.Telemetry;

/// <summary>What processing one behaviour event did.</summary>
public enum EventOutcome
{
    /// <summary>Folded into the profile for the first time.</summary>
    Applied,

    /// <summary>Already processed: a redelivery, ignored.</summary>
    Duplicate,

    /// <summary>Already in the profile by an interrupted delivery: only the memberships were re-synchronised.</summary>
    Resynchronized,
}
