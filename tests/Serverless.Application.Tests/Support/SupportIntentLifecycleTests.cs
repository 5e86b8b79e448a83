using Serverless.Application.Support;
using Serverless.Application.Tests.Fakes;
using Serverless.Application.Training;
using Serverless.Domain.Models;
using Xunit;

namespace Serverless.Application.Tests.Support;

/// <summary>The intent classifier as a registry model: retrained, gated on hold-out accuracy, promoted and then served.</summary>
public sealed class SupportIntentLifecycleTests
{
    [Fact]
    public async Task Retraining_promotes_a_first_version_that_serving_then_loads_and_a_second_run_is_compared_with_it()
    {
        using var app = new TestApplication(SupportTestSettings.Create(new Dictionary<string, string?>
        {
            ["Support:TrainingSamplePerIntent"] = "20",
            ["Support:RefreshSeconds"] = "0",
        }));
        app.SupportContent.UtteranceFiles["utterances/shop.csv"] = "text,label\n\"where is parcel 77, please?\",track_order\n";

        var before = await app.Get<SupportIntentModelProvider>().GetAsync(CancellationToken.None);
        var first = (await app.Get<RetrainModelHandler>().HandleAsync(SupportIntentTraining.ModelName, CancellationToken.None)).Value!;
        var served = await app.Get<SupportIntentModelProvider>().GetAsync(CancellationToken.None);
        var second = (await app.Get<RetrainModelHandler>().HandleAsync(SupportIntentTraining.ModelName, CancellationToken.None)).Value!;
        var manifest = await app.Models.GetManifestAsync(SupportIntentTraining.ModelName, first.Version!, CancellationToken.None);

        Assert.Equal(("trained-at-startup", (string?)null), (before.Source, before.Version));
        Assert.Equal(RetrainOutcome.Promoted, first.Outcome);
        Assert.InRange(first.Metrics[SupportIntentRetrainingJob.AccuracyMetric], 0.6, 1.0);
        Assert.Equal(("registry", first.Version), (served.Source, served.Version));
        // The 27 Bitext intents, product_question and recommend_product, and the small talk greeting, thanks and goodbye.
        Assert.Equal(32, served.Classifier.Labels.Count);
        Assert.Equal(ModelDecision.Promoted, manifest!.Decision);
        Assert.True(manifest.RowCounts["training"] > 1000);

        // Same data and seed: the same accuracy, so the second candidate is promoted against the first.
        Assert.Equal(first.Version, second.PreviousVersion);
        Assert.Equal(first.Metrics[SupportIntentRetrainingJob.AccuracyMetric], second.LiveMetrics![SupportIntentRetrainingJob.AccuracyMetric], 6);
        Assert.Equal(RetrainOutcome.Promoted, second.Outcome);
        Assert.Equal(second.Version, (await app.Models.GetCurrentAsync(SupportIntentTraining.ModelName, CancellationToken.None))!.Value.Version);
    }

    [Fact]
    public async Task Retraining_keeps_the_newest_versions_and_deletes_the_older_ones()
    {
        // Only the shipped utterance sets (no Bitext): three quick fits.
        using var app = new TestApplication(SupportTestSettings.Create(new Dictionary<string, string?>
        {
            ["Support:TrainingDataPath"] = null,
            ["Support:KeepVersions"] = "2",
        }));
        async Task<RetrainReport> RetrainAsync()
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1)); // versions are ordered by creation time
            return (await app.Get<RetrainModelHandler>().HandleAsync(SupportIntentTraining.ModelName, CancellationToken.None)).Value!;
        }

        var first = await RetrainAsync();
        var second = await RetrainAsync();
        var third = await RetrainAsync();
        var stored = await app.Models.ListVersionsAsync(SupportIntentTraining.ModelName, CancellationToken.None);

        Assert.All(new[] { first, second, third }, r => Assert.Equal(RetrainOutcome.Promoted, r.Outcome));
        Assert.Empty(first.DeletedVersions);
        Assert.Empty(second.DeletedVersions);
        Assert.Equal([first.Version!], third.DeletedVersions);
        Assert.Equal([third.Version, second.Version], stored.Select(m => m.Version));
        Assert.Null(await app.Models.GetManifestAsync(SupportIntentTraining.ModelName, first.Version!, CancellationToken.None));
        Assert.Equal(third.Version, (await app.Models.GetCurrentAsync(SupportIntentTraining.ModelName, CancellationToken.None))!.Value.Version);
    }

    [Fact]
    public async Task An_unknown_model_has_no_retraining_job()
    {
        using var app = new TestApplication(SupportTestSettings.Create());

        var result = await app.Get<RetrainModelHandler>().HandleAsync("support-sentiment", CancellationToken.None);

        Assert.Equal(404, result.Status);
    }
}
