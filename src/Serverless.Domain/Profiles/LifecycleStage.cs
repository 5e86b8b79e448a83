namespace Serverless.Domain.Profiles;

public enum LifecycleStage
{
    /// <summary>No purchase yet, or a first purchase within the "new" window.</summary>
    New,
    Active,
    AtRisk,
    Churned,

    /// <summary>Bought again after having churned, and still within the active window.</summary>
    Reactivated,
}
