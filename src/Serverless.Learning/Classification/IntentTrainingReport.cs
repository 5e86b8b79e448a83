namespace Serverless.Learning.Classification;

/// <summary>
/// What happened while training an intent classifier: example and feature counts, the optimizer runs (the refit is
/// null when there was none), the temperature with the validation negative log-likelihood before and after it, the
/// out-of-scope threshold and the elapsed time.
/// </summary>
public sealed record IntentTrainingReport(
    int TrainingExamples,
    int ValidationExamples,
    int FeatureCount,
    LimitedMemoryBfgsResult Optimization,
    LimitedMemoryBfgsResult? Refit,
    double Temperature,
    double ValidationNegativeLogLikelihoodBefore,
    double ValidationNegativeLogLikelihoodAfter,
    double OutOfScopeThreshold,
    TimeSpan Elapsed);
