using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Domain.Segments;
using Serverless.Learning.Evaluation;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Training;

/// <summary>
/// One retraining run of the recommender, shared by the timer and POST /api/models/recommender/retrain:
/// <list type="number">
/// <item>merge the archive hours that changed since the last run into the interaction snapshot (and save it);</item>
/// <item>split the interactions at <c>latest - HoldoutDays</c>; fit the configured trainer before the cutoff and
/// score it on the hold-out (items new to each user, NDCG@K and more);</item>
/// <item>score the live model on the same hold-out: its artifact when its training data ended before the cutoff,
/// otherwise its configuration (from its manifest) refitted before the cutoff, since an artifact scored on data it
/// was trained on would look better than it is;</item>
/// <item>fit the candidate on everything, store it with its manifest and popularity lists, move the pointer (under
/// its ETag) only if <see cref="PromotionGate"/> says so, and keep the last <c>KeepVersions</c> versions and the
/// current one (<see cref="ModelPublisher"/>).</item>
/// </list>
/// Anything that throws before the pointer moves leaves the live model serving. Runs in one process never overlap;
/// across instances the ETags of the snapshot and the pointer make the loser fail or record a conflict.
/// </summary>
public sealed class RecommenderRetrainingJob(
    IModelRegistry registry,
    ModelPublisher publisher,
    IInteractionSnapshotStore snapshots,
    InteractionSnapshotMerger merger,
    ISegmentRepository segments,
    ICatalogRepository catalog,
    TrainerSettings trainerSettings,
    IOptions<RecommenderTrainingOptions> options,
    TimeProvider timeProvider,
    ILogger<RecommenderRetrainingJob> logger) : IRetrainingJob
{
    /// <summary>Manifest parameters with this prefix describe the fitted model (e.g. blend weights), not settings to refit with.</summary>
    public const string FittedPrefix = "Fitted:";

    private const int SegmentPageSize = 1000;

    private static readonly string? CodeVersion =
        typeof(RecommenderRetrainingJob).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RecommenderTrainingOptions _options = options.Value;

    public string ModelName => RecommenderModelNames.Recommender;

    /// <summary>Runs now; null when a run of this process is already in progress.</summary>
    public async Task<RetrainReport?> TryRunAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return null;
        }

        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RetrainReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var now = timeProvider.GetUtcNow();
        var configured = trainerSettings.Create();

        var stored = await snapshots.GetAsync(cancellationToken);
        var merge = await merger.MergeAsync(stored?.Value ?? InteractionSnapshot.Empty, now - _options.TrainingWindow, now, cancellationToken);
        if (await snapshots.TrySaveAsync(merge.Snapshot, stored?.ETag, cancellationToken) is null)
        {
            throw new InvalidOperationException("The interaction snapshot was changed by another run during this one; this run stops and changes nothing.");
        }

        logger.LogInformation(
            "Interaction snapshot merged in {Seconds:F1} s: {HoursRead} archive hours read ({EventsRead} events), {HoursReused} reused, {HoursDropped} dropped, {Interactions} interactions",
            timeProvider.GetElapsedTime(started).TotalSeconds,
            merge.HoursRead,
            merge.EventsRead,
            merge.HoursReused,
            merge.HoursDropped,
            merge.Snapshot.InteractionCount);

        var interactions = TrainingInteractions.From(merge.Snapshot, configured.Weighting);
        var live = await LoadLiveAsync(cancellationToken);
        RetrainReport Seal(RetrainReport report) => report with
        {
            HoursRead = merge.HoursRead,
            HoursReused = merge.HoursReused,
            HoursDropped = merge.HoursDropped,
            EventsRead = merge.EventsRead,
            Seconds = timeProvider.GetElapsedTime(started).TotalSeconds,
        };

        if (interactions.Count == 0)
        {
            return Seal(new RetrainReport
            {
                Name = ModelName,
                Outcome = RetrainOutcome.Skipped,
                PreviousVersion = live?.Pointer.Value.Version,
                CurrentVersion = live?.Pointer.Value.Version,
                Reason = $"no product interactions in the archive for the last {_options.TrainingWindowDays} days",
            });
        }

        var latest = interactions.Max(i => i.Timestamp);
        var earliest = interactions.Min(i => i.Timestamp);
        var cutoff = latest - _options.Holdout;
        var split = TemporalSplit.Create(interactions, cutoff);
        var evaluation = Evaluate(configured, split, live, merge.Snapshot, cutoff, cancellationToken);
        logger.LogInformation("Evaluation on {HoldoutUsers} hold-out users done at {Seconds:F1} s", split.Users.Count, timeProvider.GetElapsedTime(started).TotalSeconds);

        var model = configured.Trainer.Fit(interactions, cancellationToken);
        logger.LogInformation("Final fit of {Kind} done at {Seconds:F1} s", model.Kind, timeProvider.GetElapsedTime(started).TotalSeconds);
        var popularity = await BuildPopularityAsync(merge.Snapshot, configured.WeightingOptions, cancellationToken);
        logger.LogInformation("Popularity lists done at {Seconds:F1} s", timeProvider.GetElapsedTime(started).TotalSeconds);
        var version = ModelVersionNames.NewVersion(now, Random.Shared);
        var parameters = new SortedDictionary<string, string>(configured.Parameters.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in model.Parameters)
        {
            parameters[$"{FittedPrefix}{key}"] = value;
        }

        var manifest = new ModelManifest
        {
            Name = ModelName,
            Version = version,
            Kind = model.Kind,
            CreatedAt = now,
            CodeVersion = CodeVersion,
            TrainingWindow = new ModelDataWindow(earliest, latest),
            HoldoutWindow = new ModelDataWindow(cutoff, latest),
            RowCounts = new SortedDictionary<string, long>(StringComparer.Ordinal)
            {
                ["interactions"] = interactions.Count,
                ["users"] = interactions.Select(i => i.UserId).Distinct(StringComparer.Ordinal).Count(),
                ["items"] = model.Items.Count,
                ["trainingInteractions"] = split.Train.Count,
                ["holdoutInteractions"] = split.TestInteractions,
                ["holdoutUsers"] = split.Users.Count,
                ["snapshotHours"] = merge.Snapshot.Hours.Count,
            },
            Parameters = parameters,
            Metrics = evaluation.Candidate is null ? new Dictionary<string, double>() : MetricNames.ToDictionary(evaluation.Candidate),
            LiveMetrics = evaluation.Live is null ? null : MetricNames.ToDictionary(evaluation.Live),
            ComparedWithVersion = live?.Pointer.Value.Version,
            TrainingSeconds = timeProvider.GetElapsedTime(started).TotalSeconds,
            Decision = evaluation.Verdict.Promote ? ModelDecision.Promoted : ModelDecision.Refused,
            Reason = evaluation.Verdict.Reason,
        };

        ModelPublication publication;
        using (var buffer = new MemoryStream())
        {
            RecommenderModelSerializer.Save(model, buffer);
            publication = await publisher.PublishAsync(
                manifest,
                [new ModelArtifact(ModelArtifact.ModelFileName, buffer.ToArray()), new ModelArtifact(RecommenderModelNames.PopularityFileName, PopularityIndex.Serialize(popularity))],
                live?.Pointer,
                _options.KeepVersions,
                cancellationToken);
        }

        var (outcome, reason, current, deleted) = publication;
        logger.LogInformation(
            "Recommender retraining {Outcome}: version {Version} ({Kind}), {Reason}; current {Current}; deleted {Deleted}",
            outcome,
            version,
            model.Kind,
            reason,
            current,
            deleted);
        return Seal(new RetrainReport
        {
            Name = ModelName,
            Outcome = outcome,
            Version = version,
            PreviousVersion = live?.Pointer.Value.Version,
            CurrentVersion = current,
            Reason = reason,
            Metrics = manifest.Metrics,
            LiveMetrics = manifest.LiveMetrics,
            Interactions = interactions.Count,
            Users = (int)manifest.RowCounts["users"],
            Items = model.Items.Count,
            HoldoutUsers = split.Users.Count,
            DeletedVersions = deleted,
        });
    }

    private Evaluation Evaluate(
        ConfiguredTrainer configured, TemporalSplit split, LiveModel? live, InteractionSnapshot snapshot, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var k = _options.MetricK;
        if (split.Users.Count < _options.MinimumHoldoutUsers || split.Train.Count == 0)
        {
            var tooSmall = $"the hold-out after {cutoff:yyyy-MM-dd HH:mm}Z has {split.Users.Count} users with earlier history " +
                $"(at least {_options.MinimumHoldoutUsers} are needed to compare models)";
            return live is null || live.Model is null
                ? new Evaluation(null, null, new PromotionVerdict(true, $"{FirstModelReason(live)}; {tooSmall}, so the candidate was not scored"))
                : new Evaluation(null, null, new PromotionVerdict(false, $"{tooSmall}; the live model {live.Pointer.Value.Version} keeps serving"));
        }

        var candidate = RecommenderEvaluator.Evaluate(configured.Trainer.Fit(split.Train, cancellationToken), split, k, cancellationToken: cancellationToken);
        if (live is null || live.Model is null)
        {
            return new Evaluation(candidate, null, new PromotionVerdict(true, FirstModelReason(live) + string.Format(
                CultureInfo.InvariantCulture, "; candidate NDCG@{0} {1:0.0000} on {2} hold-out users", k, candidate.Ndcg, candidate.Users)));
        }

        var (liveMetrics, basis) = EvaluateLive(configured, live, snapshot, split, cutoff, candidate, cancellationToken);
        var verdict = PromotionGate.Decide(candidate, liveMetrics, _options.PromotionMargin);
        return new Evaluation(candidate, liveMetrics, verdict with { Reason = $"{verdict.Reason}; live {live.Pointer.Value.Version} {basis}" });
    }

    private (RecommenderMetrics Metrics, string Basis) EvaluateLive(
        ConfiguredTrainer configured, LiveModel live, InteractionSnapshot snapshot, TemporalSplit split, DateTimeOffset cutoff,
        RecommenderMetrics candidate, CancellationToken cancellationToken)
    {
        var k = _options.MetricK;
        var liveParameters = live.Manifest?.Parameters
            .Where(pair => !pair.Key.StartsWith(FittedPrefix, StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        ConfiguredTrainer? liveConfiguration = null;
        if (liveParameters is { Count: > 0 })
        {
            try
            {
                liveConfiguration = RecommenderTrainerConfiguration.Create(liveParameters);
            }
            catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
            {
                logger.LogWarning(exception, "The live model's parameters no longer build a trainer; its artifact is scored instead");
            }
        }

        // Histories on the live model's own weighting scale; users and relevant items are the same (set-based).
        var liveSplit = liveConfiguration is null || SameWeighting(configured, liveConfiguration)
            ? split
            : TemporalSplit.Create(TrainingInteractions.From(snapshot, liveConfiguration.Weighting), cutoff);
        var sawHoldout = live.Manifest?.TrainingWindow is not { } window || window.To >= cutoff;
        if (!sawHoldout || liveConfiguration is null)
        {
            var basis = sawHoldout
                ? "scored as published (its configuration could not be rebuilt, and its training data overlaps the hold-out, so it may look better than it is)"
                : "scored as published (its training data ended before the hold-out)";
            return (RecommenderEvaluator.Evaluate(live.Model!, liveSplit, k, cancellationToken: cancellationToken), basis);
        }

        if (SameParameters(configured.Parameters, liveParameters!))
        {
            return (candidate, "has the same trainer and parameters, and its data overlaps the hold-out, so it was compared as the same configuration fitted before the cutoff");
        }

        var refitted = liveConfiguration.Trainer.Fit(liveSplit.Train, cancellationToken);
        return (RecommenderEvaluator.Evaluate(refitted, liveSplit, k, cancellationToken: cancellationToken),
            "refitted before the cutoff with its own parameters, because its training data overlaps the hold-out");
    }

    private static bool SameWeighting(ConfiguredTrainer a, ConfiguredTrainer b) =>
        a.Parameters.Where(p => p.Key.StartsWith(RecommenderTrainerConfiguration.WeightingSection + ":", StringComparison.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual(b.Parameters.Where(p => p.Key.StartsWith(RecommenderTrainerConfiguration.WeightingSection + ":", StringComparison.Ordinal))
                .OrderBy(p => p.Key, StringComparer.Ordinal));

    private static bool SameParameters(IReadOnlyDictionary<string, string> candidate, IReadOnlyDictionary<string, string> live) =>
        candidate.Count == live.Count && candidate.All(pair => live.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static string FirstModelReason(LiveModel? live) =>
        live is null ? "no live model yet" : $"the live model {live.Pointer.Value.Version} could not be loaded ({live.LoadError})";

    private async Task<LiveModel?> LoadLiveAsync(CancellationToken cancellationToken)
    {
        var pointer = await registry.GetCurrentAsync(ModelName, cancellationToken);
        if (pointer is null)
        {
            return null;
        }

        var manifest = await registry.GetManifestAsync(ModelName, pointer.Value.Version, cancellationToken);
        var bytes = await registry.ReadArtifactAsync(ModelName, pointer.Value.Version, ModelArtifact.ModelFileName, cancellationToken);
        if (bytes is null)
        {
            return new LiveModel(pointer, manifest, null, "its model.bin is missing");
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return new LiveModel(pointer, manifest, RecommenderModelSerializer.Load(stream), null);
        }
        catch (InvalidDataException exception)
        {
            logger.LogError(exception, "The live recommender {Version} cannot be loaded", pointer.Value.Version);
            return new LiveModel(pointer, manifest, null, exception.Message);
        }
    }

    private async Task<PopularityIndex> BuildPopularityAsync(
        InteractionSnapshot snapshot, InteractionWeighting.Options weighting, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var product in catalog.ReadAllAsync(cancellationToken))
        {
            if (product.Category is { Length: > 0 } category)
            {
                categories[product.ProductId] = category;
            }
        }

        var userSegments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var segment in RfmSegments.All)
        {
            string? token = null;
            do
            {
                var page = await segments.ListMembersAsync(segment.Id, SegmentPageSize, token, cancellationToken);
                foreach (var member in page.Items)
                {
                    userSegments[member.UserId] = segment.Id;
                }

                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return PopularityIndexBuilder.FromSnapshot(snapshot, weighting, categories, userSegments, _options);
    }

    private sealed record LiveModel(Versioned<ModelPointer> Pointer, ModelManifest? Manifest, RecommenderModel? Model, string? LoadError);

    private sealed record Evaluation(RecommenderMetrics? Candidate, RecommenderMetrics? Live, PromotionVerdict Verdict);
}
