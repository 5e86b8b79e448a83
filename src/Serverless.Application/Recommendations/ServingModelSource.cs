namespace Serverless.Application.Recommendations;

/// <summary>Where the recommendations being served come from.</summary>
public enum ServingModelSource
{
    /// <summary>The registry's current version (model and popularity lists).</summary>
    Registry,

    /// <summary>No version promoted yet: popularity computed from the training snapshot.</summary>
    SnapshotPopularity,

    /// <summary>Neither a version nor a snapshot yet: nothing to recommend.</summary>
    Empty,
}
