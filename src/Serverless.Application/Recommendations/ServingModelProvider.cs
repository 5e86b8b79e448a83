using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Training;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Learning.Recommenders;

namespace Serverless.Application.Recommendations;

/// <summary>
/// The recommender serving uses: the registry's current version, loaded once and loaded again only when the ETag of
/// <c>current.json</c> changes (checked every <c>Recommendations:ModelPollSeconds</c>, a HEAD request). Before any
/// version is promoted, popularity lists computed from the training snapshot (reloaded when its ETag changes); before
/// any snapshot, nothing. A version that fails to load is logged and the previous one keeps serving.
/// </summary>
public sealed class ServingModelProvider
{
    private readonly IModelRegistry _registry;
    private readonly IInteractionSnapshotStore _snapshots;
    private readonly TrainerSettings _trainerSettings;
    private readonly RecommenderTrainingOptions _trainingOptions;
    private readonly ILogger<ServingModelProvider> _logger;
    private readonly PeriodicRefresh<ServingModel> _model;

    public ServingModelProvider(
        IModelRegistry registry,
        IInteractionSnapshotStore snapshots,
        TrainerSettings trainerSettings,
        IOptions<RecommenderTrainingOptions> trainingOptions,
        IOptions<RecommendationOptions> options,
        TimeProvider timeProvider,
        ILogger<ServingModelProvider> logger)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _trainerSettings = trainerSettings ?? throw new ArgumentNullException(nameof(trainerSettings));
        _trainingOptions = trainingOptions.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _model = new PeriodicRefresh<ServingModel>(LoadAsync, options.Value.ModelPollInterval, timeProvider, logger, "recommender");
    }

    public ValueTask<ServingModel> GetAsync(CancellationToken cancellationToken) => _model.GetAsync(cancellationToken);

    private async Task<ServingModel> LoadAsync(ServingModel? current, CancellationToken cancellationToken)
    {
        const string Name = RecommenderModelNames.Recommender;
        var etag = await _registry.GetCurrentETagAsync(Name, cancellationToken);
        if (etag is not null)
        {
            if (current?.Source == ServingModelSource.Registry && current.ETag == etag)
            {
                return current;
            }

            try
            {
                if (await LoadVersionAsync(cancellationToken) is { } loaded)
                {
                    _logger.LogInformation("Serving recommender version {Version}", loaded.Version);
                    return loaded;
                }
            }
            catch (Exception exception) when (current is null && exception is InvalidDataException or InvalidOperationException)
            {
                // At start-up there is nothing older to keep: serve the snapshot's popularity until a good version appears.
                _logger.LogError(exception, "The current recommender version cannot be loaded; serving popularity from the snapshot");
            }
        }

        var snapshotETag = await _snapshots.GetETagAsync(cancellationToken);
        if (snapshotETag is null)
        {
            return ServingModel.Empty with { Weighting = _trainerSettings.Create().Weighting };
        }

        if (current?.Source == ServingModelSource.SnapshotPopularity && current.ETag == snapshotETag)
        {
            return current;
        }

        var snapshot = await _snapshots.GetAsync(cancellationToken);
        if (snapshot is null)
        {
            return ServingModel.Empty;
        }

        var popularity = PopularityIndexBuilder.FromSnapshot(
            snapshot.Value, _trainerSettings.Create().WeightingOptions, new Dictionary<string, string>(), new Dictionary<string, string>(), _trainingOptions);
        _logger.LogInformation("No recommender version yet: serving popularity of {Items} items from the training snapshot", popularity.Popular.Count);
        return new ServingModel(ServingModelSource.SnapshotPopularity, null, null, popularity, snapshot.ETag)
        {
            Weighting = _trainerSettings.Create().Weighting,
        };
    }

    private async Task<ServingModel?> LoadVersionAsync(CancellationToken cancellationToken)
    {
        const string Name = RecommenderModelNames.Recommender;
        var pointer = await _registry.GetCurrentAsync(Name, cancellationToken);
        if (pointer is null)
        {
            return null;
        }

        var version = pointer.Value.Version;
        var modelBytes = await _registry.ReadArtifactAsync(Name, version, ModelArtifact.ModelFileName, cancellationToken)
            ?? throw new InvalidDataException($"Version {version} of {Name} has no {ModelArtifact.ModelFileName}.");
        var popularityBytes = await _registry.ReadArtifactAsync(Name, version, RecommenderModelNames.PopularityFileName, cancellationToken);
        RecommenderModel model;
        using (var stream = new MemoryStream(modelBytes, writable: false))
        {
            model = RecommenderModelSerializer.Load(stream);
        }

        var popularity = popularityBytes is null ? PopularityIndex.Empty : PopularityIndex.Deserialize(popularityBytes);
        var manifest = await _registry.GetManifestAsync(Name, version, cancellationToken);
        return new ServingModel(ServingModelSource.Registry, version, model, popularity, pointer.ETag) { Weighting = WeightingOf(manifest) };
    }

    private InteractionWeighting WeightingOf(ModelManifest? manifest)
    {
        // Versions trained before the weighting was recorded are served with the configured one.
        if (manifest is null
            || !manifest.Parameters.Keys.Any(key => key.StartsWith(RecommenderTrainerConfiguration.WeightingSection + ":", StringComparison.Ordinal)))
        {
            return _trainerSettings.Create().Weighting;
        }

        try
        {
            return RecommenderTrainerConfiguration.Create(manifest.Parameters).Weighting;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            _logger.LogWarning(exception, "Version {Version} records a weighting this code cannot read; the configured one is used", manifest.Version);
            return _trainerSettings.Create().Weighting;
        }
    }
}
