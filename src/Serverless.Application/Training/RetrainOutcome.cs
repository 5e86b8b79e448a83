namespace Serverless.Application.Training;

/// <summary>How a retraining run ended (a run that throws is a failure and changes nothing that serves).</summary>
public enum RetrainOutcome
{
    /// <summary>The candidate is now the current version.</summary>
    Promoted,

    /// <summary>The candidate was stored but the gate kept the live model.</summary>
    Refused,

    /// <summary>The gate passed but the pointer changed during the run; the candidate was stored, not promoted.</summary>
    PromotionConflict,

    /// <summary>Nothing to train on yet; no version was stored.</summary>
    Skipped,
}
