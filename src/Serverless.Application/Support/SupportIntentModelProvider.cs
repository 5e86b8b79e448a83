using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Application.Recommendations;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;
using Serverless.Learning.Classification;

namespace Serverless.Application.Support;

/// <summary>
/// The intent classifier replies are served with: the current <c>support-intents</c> version from the model registry,
/// reloaded when the pointer moves (checked every <c>Support:RefreshSeconds</c>); before any version exists, a model
/// trained once, lazily, from <see cref="SupportTrainingData"/> (not stored: storing is the retraining job's business).
/// </summary>
public sealed class SupportIntentModelProvider
{
    private readonly PeriodicRefresh<SupportIntentModel> _model;

    public SupportIntentModelProvider(
        IModelRegistry registry,
        SupportTrainingData trainingData,
        IOptions<SupportOptions> options,
        TimeProvider timeProvider,
        ILogger<SupportIntentModelProvider> logger)
    {
        var seed = options.Value.Seed;
        _model = new PeriodicRefresh<SupportIntentModel>(
            async (previous, cancellationToken) =>
            {
                var pointer = await registry.GetCurrentAsync(SupportIntentTraining.ModelName, cancellationToken);
                if (pointer is not null)
                {
                    var version = pointer.Value.Version;
                    if (previous?.Version == version)
                    {
                        return previous;
                    }

                    var bytes = await registry.ReadArtifactAsync(SupportIntentTraining.ModelName, version, ModelArtifact.ModelFileName, cancellationToken)
                        ?? throw new InvalidDataException($"{SupportIntentTraining.ModelName} version {version} has no {ModelArtifact.ModelFileName}.");
                    using var stream = new MemoryStream(bytes, writable: false);
                    logger.LogInformation("Serving support intent model {Version}", version);
                    return new SupportIntentModel(IntentClassifierModel.Load(stream), version, "registry");
                }

                if (previous is not null)
                {
                    return previous;
                }

                var rows = await trainingData.LoadAsync(cancellationToken);
                var started = timeProvider.GetTimestamp();
                var classifier = SupportIntentTraining.Fit(rows, seed, cancellationToken);
                logger.LogInformation(
                    "No {Model} version in the registry: trained one from {Rows} utterances in {Seconds:F1} s",
                    SupportIntentTraining.ModelName, rows.Count, timeProvider.GetElapsedTime(started).TotalSeconds);
                return new SupportIntentModel(classifier, null, "trained-at-startup");
            },
            options.Value.RefreshInterval,
            timeProvider,
            logger,
            "support intent model");
    }

    public ValueTask<SupportIntentModel> GetAsync(CancellationToken cancellationToken) => _model.GetAsync(cancellationToken);
}
