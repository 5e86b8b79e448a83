namespace Serverless.Domain.Models;

/// <summary>What a retraining run did with its candidate.</summary>
public enum ModelDecision
{
    /// <summary>The candidate became the current version.</summary>
    Promoted,

    /// <summary>The promotion gate kept the live model (the candidate scored worse than the margin allows).</summary>
    Refused,

    /// <summary>The gate passed but the pointer changed during the run (a rollback or another run), so the candidate was not promoted.</summary>
    PromotionConflict,
}
