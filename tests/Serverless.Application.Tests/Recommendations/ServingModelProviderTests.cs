using Serverless.Application.Recommendations;
using Serverless.Application.Training;
using Xunit;

namespace Serverless.Application.Tests.Recommendations;

public sealed class ServingModelProviderTests
{
    [Fact]
    public async Task The_model_is_loaded_once_and_again_only_after_the_pointer_changes_and_the_poll_interval_passes()
    {
        using var serving = new ServingFixture(("Recommendations:ModelPollSeconds", "30"));
        var provider = serving.App.Get<ServingModelProvider>();
        var v1 = await serving.TrainAsync();
        var first = await provider.GetAsync(CancellationToken.None);
        var checks = serving.App.Models.ETagChecks;

        var again = await provider.GetAsync(CancellationToken.None);
        var v2 = await serving.TrainAsync(); // advances the clock one minute
        var afterPromotion = await provider.GetAsync(CancellationToken.None);
        var sameAgain = await provider.GetAsync(CancellationToken.None);

        Assert.Equal(v1.Version, first.Version);
        Assert.Same(first, again);
        Assert.Equal(checks, serving.App.Models.ETagChecks - 1);
        Assert.Equal(v2.Version, afterPromotion.Version);
        Assert.Same(afterPromotion, sameAgain);

        // A rollback is a pointer change too: picked up at the next poll, not before.
        serving.App.Models.SetCurrent(RecommenderModelNames.Recommender, v1.Version!);
        Assert.Equal(v2.Version, (await provider.GetAsync(CancellationToken.None)).Version);
        serving.App.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(v1.Version, (await provider.GetAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Without_a_model_serving_falls_back_to_popularity_from_the_snapshot_and_before_that_to_nothing()
    {
        using var serving = new ServingFixture(("Recommendations:ModelPollSeconds", "0"));
        var empty = await serving.RecommendAsync("anyone");
        await serving.App.Archive.AppendAsync(ClusteredShop.Events(serving.Now), CancellationToken.None);

        // Too few hold-out users for a blend's validation: the run fails after saving the snapshot, so no model exists.
        var settings = serving.App.Get<TrainerSettings>();
        settings.Section["Trainer"] = "Blend";
        settings.Section["Blend:ValidationWindow"] = "400.00:00:00";
        await Assert.ThrowsAsync<ArgumentException>(() => serving.TrainAsync());
        var fallback = await serving.RecommendAsync("anyone", count: 3);

        Assert.Equal(ServingModelSource.Empty, empty.Source);
        Assert.All(empty.Items, item => Assert.Equal(("new in the catalog", 0.0), (item.Reason, item.Score)));
        Assert.Equal(10, empty.Items.Count);
        Assert.Equal(ServingModelSource.SnapshotPopularity, fallback.Source);
        Assert.Null(fallback.ModelVersion);
        Assert.Equal(3, fallback.Items.Count);
        Assert.All(fallback.Items, item => Assert.Equal(RecommendationReason.PopularNow, item.ReasonCode));
    }

    [Fact]
    public async Task A_version_that_cannot_be_loaded_leaves_the_previous_one_serving()
    {
        using var serving = new ServingFixture(("Recommendations:ModelPollSeconds", "0"));
        var good = await serving.TrainAsync();
        var provider = serving.App.Get<ServingModelProvider>();
        Assert.Equal(good.Version, (await provider.GetAsync(CancellationToken.None)).Version);

        await serving.App.Models.SaveVersionAsync(
            (await serving.App.Models.GetManifestAsync("recommender", good.Version!, CancellationToken.None))! with { Version = "broken" },
            [new Serverless.Domain.Models.ModelArtifact("model.bin", "not a model"u8.ToArray())],
            CancellationToken.None);
        serving.App.Models.SetCurrent("recommender", "broken");

        Assert.Equal(good.Version, (await provider.GetAsync(CancellationToken.None)).Version);
    }
}
