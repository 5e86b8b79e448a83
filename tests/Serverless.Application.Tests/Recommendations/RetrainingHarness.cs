using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Application.Tests.Fakes;
using Serverless.Application.Training;
using Serverless.Domain.Events;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Recommendations;

/// <summary>
/// Retraining jobs over one set of in-memory ports, each job with settings of its own: like redeploying with a new
/// configuration while the registry, snapshot and archive stay.
/// </summary>
public sealed class RetrainingHarness
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider Clock { get; } = new(Now);

    public FakeModelRegistry Models { get; } = new();

    public FakeInteractionSnapshotStore Snapshots { get; } = new();

    public CountingEventArchive Archive { get; } = new();

    public FakeSegmentRepository Segments { get; } = new();

    public FakeCatalogRepository Catalog { get; } = new();

    public async Task AppendAsync(IReadOnlyList<BehaviorEvent> events) => await Archive.AppendAsync(events, CancellationToken.None);

    public RecommenderRetrainingJob Job(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["Recommendations:Training:Trainer"] = "ItemKnn",
            ["Recommendations:Training:HoldoutDays"] = "14",
            ["Recommendations:Training:MinimumHoldoutUsers"] = "5",
        };
        foreach (var (key, value) in settings)
        {
            values["Recommendations:Training:" + key] = value;
        }

        var section = new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RecommenderTrainingOptions.SectionName);
        var options = section.Get<RecommenderTrainingOptions>() ?? new RecommenderTrainingOptions();
        var validation = new RecommenderTrainingOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new InvalidOperationException(validation.FailureMessage);
        }

        return new RecommenderRetrainingJob(
            Models,
            new ModelPublisher(Models, Clock),
            Snapshots,
            new InteractionSnapshotMerger(new FakeEventArchiveIndex(Archive), Archive),
            Segments,
            Catalog,
            new TrainerSettings(section),
            Options.Create(options),
            Clock,
            NullLogger<RecommenderRetrainingJob>.Instance);
    }

    public async Task<RetrainReport> RunAsync(RecommenderRetrainingJob job)
    {
        Clock.Advance(TimeSpan.FromMinutes(1));
        return await job.TryRunAsync(CancellationToken.None) ?? throw new InvalidOperationException("A run was already in progress.");
    }

    public async Task<string?> CurrentAsync() => (await Models.GetCurrentAsync("recommender", CancellationToken.None))?.Value.Version;

    public async Task<ModelManifest> ManifestAsync(string version) =>
        await Models.GetManifestAsync("recommender", version, CancellationToken.None) ?? throw new InvalidOperationException($"No version {version}.");
}
