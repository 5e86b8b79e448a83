using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Training;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>
/// The intent classifier's lifecycle, like any model: train a candidate on the current training data
/// (<see cref="SupportTrainingData"/>) minus a seeded stratified hold-out, measure the candidate's and the live
/// version's accuracy on that same hold-out, store the candidate as a version with its manifest, and promote it (a
/// pointer change under the pointer's ETag) when there is no live version or the candidate is at most
/// <see cref="PromotionTolerance"/> less accurate, then keep the newest <c>Support:KeepVersions</c> versions and the
/// current one (<see cref="ModelPublisher"/>, shared with the recommender). Serving
/// (<see cref="SupportIntentModelProvider"/>) picks the new pointer up at its next check. One run at a time.
/// </summary>
public sealed class SupportIntentRetrainingJob(
    IModelRegistry registry,
    ModelPublisher publisher,
    SupportTrainingData trainingData,
    IOptions<SupportOptions> options,
    TimeProvider timeProvider,
    ILogger<SupportIntentRetrainingJob> logger) : IRetrainingJob
{
    public const string AccuracyMetric = "accuracy";
    public const double HoldoutFraction = 0.1;
    public const double PromotionTolerance = 0.01;

    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly SupportOptions _options = options.Value;

    public string ModelName => SupportIntentTraining.ModelName;

    /// <summary>The run's report; null when a run is already in progress.</summary>
    public async Task<RetrainReport?> TryRunAsync(CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<RetrainReport> RunAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var rows = await trainingData.LoadAsync(cancellationToken);
        var (train, holdout) = SupportIntentTraining.Split(rows, HoldoutFraction, _options.Seed);
        var candidate = SupportIntentTraining.Fit(train, _options.Seed, cancellationToken);
        var accuracy = SupportIntentTraining.Accuracy(candidate, holdout);

        var live = await registry.GetCurrentAsync(ModelName, cancellationToken);
        double? liveAccuracy = null;
        if (live is not null
            && await registry.ReadArtifactAsync(ModelName, live.Value.Version, ModelArtifact.ModelFileName, cancellationToken) is { } bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            liveAccuracy = SupportIntentTraining.Accuracy(IntentClassifierModel.Load(stream), holdout);
        }

        var now = timeProvider.GetUtcNow();
        var version = ModelVersionNames.NewVersion(now, Random.Shared);
        var promote = liveAccuracy is null || accuracy >= liveAccuracy.Value - PromotionTolerance;
        var reason = liveAccuracy is null
            ? $"first version: hold-out accuracy {accuracy:F4}"
            : promote
                ? $"hold-out accuracy {accuracy:F4} against the live {live!.Value.Version}'s {liveAccuracy:F4}"
                : $"hold-out accuracy {accuracy:F4} is more than {PromotionTolerance} below the live {live!.Value.Version}'s {liveAccuracy:F4}";
        using var buffer = new MemoryStream();
        candidate.Save(buffer);
        var metrics = new Dictionary<string, double> { [AccuracyMetric] = accuracy };
        var liveMetrics = liveAccuracy is { } value ? new Dictionary<string, double> { [AccuracyMetric] = value } : null;
        var manifest = new ModelManifest
        {
            Name = ModelName,
            Version = version,
            Kind = SupportIntentTraining.ModelKind,
            CreatedAt = now,
            RowCounts = new Dictionary<string, long> { ["training"] = train.Count, ["holdout"] = holdout.Count, ["labels"] = candidate.Labels.Count },
            Parameters = new Dictionary<string, string>
            {
                ["seed"] = _options.Seed.ToString(CultureInfo.InvariantCulture),
                ["bitextSamplePerIntent"] = _options.TrainingSamplePerIntent.ToString(CultureInfo.InvariantCulture),
                ["bitext"] = string.IsNullOrWhiteSpace(_options.TrainingDataPath) ? "none" : "yes",
                ["temperature"] = candidate.Temperature.ToString("R", CultureInfo.InvariantCulture),
            },
            Metrics = metrics,
            LiveMetrics = liveMetrics,
            ComparedWithVersion = live?.Value.Version,
            TrainingSeconds = stopwatch.Elapsed.TotalSeconds,
            Decision = promote ? ModelDecision.Promoted : ModelDecision.Refused,
            Reason = reason,
            Artifacts = [ModelArtifact.ModelFileName],
        };
        var (outcome, finalReason, current, deleted) = await publisher.PublishAsync(
            manifest, [new ModelArtifact(ModelArtifact.ModelFileName, buffer.ToArray())], live, _options.KeepVersions, cancellationToken);

        logger.LogInformation(
            "{Model} retrained: version {Version}, accuracy {Accuracy}, live {LiveAccuracy}, outcome {Outcome}; current {Current}; deleted {Deleted}",
            ModelName, version, accuracy, liveAccuracy, outcome, current, deleted);
        return new RetrainReport
        {
            Name = ModelName,
            Outcome = outcome,
            Version = version,
            PreviousVersion = live?.Value.Version,
            CurrentVersion = current,
            Reason = finalReason,
            Metrics = metrics,
            LiveMetrics = liveMetrics,
            Seconds = stopwatch.Elapsed.TotalSeconds,
            DeletedVersions = deleted,
        };
    }
}
