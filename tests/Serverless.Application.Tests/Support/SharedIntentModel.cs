using Microsoft.Extensions.Options;
using Serverless.Application.Support;
using Serverless.Application.Tests.Fakes;
using Serverless.Domain.Models;
using Serverless.Domain.Ports;

namespace Serverless.Application.Tests.Support;

/// <summary>
/// One intent classifier trained for the whole test run (the <see cref="SupportTestSettings"/> data) and published into
/// a test application's registry, so tests about something else do not each train their own.
/// </summary>
public static class SharedIntentModel
{
    public const string Version = "20250601-000000-000-test";

    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        var settings = SupportTestSettings.Create();
        var options = new SupportOptions
        {
            TrainingDataPath = settings["Support:TrainingDataPath"],
            TrainingSamplePerIntent = int.Parse(settings["Support:TrainingSamplePerIntent"]!, System.Globalization.CultureInfo.InvariantCulture),
            UtterancesPath = settings["Support:UtterancesPath"],
        };
        var rows = new SupportTrainingData(Options.Create(options), new FakeSupportContentStore()).LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var stream = new MemoryStream();
        SupportIntentTraining.Fit(rows, options.Seed, CancellationToken.None).Save(stream);
        return stream.ToArray();
    });

    public static void PublishTo(IModelRegistry registry)
    {
        var manifest = new ModelManifest
        {
            Name = SupportIntentTraining.ModelName,
            Version = Version,
            Kind = SupportIntentTraining.ModelKind,
            CreatedAt = TestApplication.Start,
            Reason = "shared test model",
            Artifacts = [ModelArtifact.ModelFileName],
        };
        registry.SaveVersionAsync(manifest, [new ModelArtifact(ModelArtifact.ModelFileName, Bytes.Value)], CancellationToken.None).GetAwaiter().GetResult();
        var pointer = new ModelPointer { Name = SupportIntentTraining.ModelName, Version = Version, UpdatedAt = TestApplication.Start, Reason = "test" };
        _ = registry.TrySetCurrentAsync(pointer, null, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("The test registry already had a support-intents pointer.");
    }
}
