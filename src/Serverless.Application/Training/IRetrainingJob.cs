namespace Serverless.Application.Training;

/// <summary>A model's retraining run, as the admin routes see it: every model with one is listed as retrainable.</summary>
public interface IRetrainingJob
{
    /// <summary>The registry name of the model the job trains.</summary>
    string ModelName { get; }

    /// <summary>Runs once; null when a run is already in progress.</summary>
    Task<RetrainReport?> TryRunAsync(CancellationToken cancellationToken);
}
