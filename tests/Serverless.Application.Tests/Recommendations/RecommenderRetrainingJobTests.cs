using Serverless.Application.Recommendations;
using Serverless.Application.Training;
using Serverless.Domain.Models;
using Serverless.Learning.Recommenders;
using Xunit;

namespace Serverless.Application.Tests.Recommendations;

public sealed class RecommenderRetrainingJobTests
{
    private readonly RetrainingHarness _harness = new();

    [Fact]
    public async Task The_first_run_promotes_and_records_metrics_window_counts_parameters_and_why()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));

        var report = await _harness.RunAsync(_harness.Job(("ItemKnn:Neighbors", "20")));

        Assert.Equal(RetrainOutcome.Promoted, report.Outcome);
        Assert.Equal(report.Version, await _harness.CurrentAsync());
        var manifest = await _harness.ManifestAsync(report.Version!);
        Assert.Equal(ModelDecision.Promoted, manifest.Decision);
        Assert.StartsWith("no live model yet; candidate NDCG@10", manifest.Reason, StringComparison.Ordinal);
        Assert.Equal("item-knn", manifest.Kind);
        Assert.InRange(manifest.Metrics["ndcg@10"], 0.05, 1);
        Assert.True(manifest.Metrics["users"] >= 5);
        Assert.Null(manifest.LiveMetrics);
        Assert.Equal(("ItemKnn", "20"), (manifest.Parameters["Trainer"], manifest.Parameters["ItemKnn:Neighbors"]));
        Assert.Equal("5", manifest.Parameters["Weighting:PurchaseWeight"]);
        Assert.Equal(CompactedCount(_harness.Archive.Inner.Appended), manifest.RowCounts["interactions"]);
        Assert.Equal(60, manifest.RowCounts["users"]);
        Assert.True(manifest.TrainingWindow!.From < manifest.HoldoutWindow!.From);
        Assert.Equal(manifest.TrainingWindow.To, manifest.HoldoutWindow.To);
        Assert.Equal(TimeSpan.FromDays(14), manifest.HoldoutWindow.To - manifest.HoldoutWindow.From);
        Assert.False(string.IsNullOrEmpty(manifest.CodeVersion));
        Assert.Equal(["model.bin", "popularity.json"], manifest.Artifacts);

        var bytes = await _harness.Models.ReadArtifactAsync("recommender", report.Version!, "model.bin", CancellationToken.None);
        using var stream = new MemoryStream(bytes!);
        Assert.Equal(24, RecommenderModelSerializer.Load(stream).Items.Count);
        var popularity = PopularityIndex.Deserialize(await _harness.Models.ReadArtifactAsync("recommender", report.Version!, "popularity.json", CancellationToken.None));
        Assert.Equal(24, popularity.Popular.Count);
        Assert.Equal(["Garden", "Kitchen", "Toys"], popularity.TrendingByCategory.Keys.Order());
    }

    [Fact]
    public async Task A_better_candidate_is_promoted_over_the_live_model()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var live = await _harness.RunAsync(_harness.Job(("Trainer", "Popularity")));

        var report = await _harness.RunAsync(_harness.Job(("Trainer", "ItemKnn")));

        Assert.Equal(RetrainOutcome.Promoted, report.Outcome);
        Assert.Equal(report.Version, await _harness.CurrentAsync());
        Assert.True(report.Metrics["ndcg@10"] > report.LiveMetrics!["ndcg@10"]);
        var manifest = await _harness.ManifestAsync(report.Version!);
        Assert.Equal(live.Version, manifest.ComparedWithVersion);
        Assert.StartsWith("not worse: candidate NDCG@10", manifest.Reason, StringComparison.Ordinal);

        // The live model was trained on data overlapping the hold-out, so its configuration was refitted before the cutoff.
        Assert.Contains("refitted before the cutoff", manifest.Reason, StringComparison.Ordinal);
        Assert.Equal(live.Version, (await _harness.Models.GetCurrentAsync("recommender", CancellationToken.None))!.Value.PreviousVersion);
    }

    [Fact]
    public async Task A_worse_candidate_is_stored_but_refused_and_the_live_model_keeps_serving()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var live = await _harness.RunAsync(_harness.Job(("Trainer", "ItemKnn")));

        var report = await _harness.RunAsync(_harness.Job(("Trainer", "Popularity")));

        Assert.Equal(RetrainOutcome.Refused, report.Outcome);
        Assert.Equal(live.Version, await _harness.CurrentAsync());
        Assert.Equal(live.Version, report.CurrentVersion);
        var manifest = await _harness.ManifestAsync(report.Version!);
        Assert.Equal(ModelDecision.Refused, manifest.Decision);
        Assert.StartsWith("worse than the live model: candidate NDCG@10", manifest.Reason, StringComparison.Ordinal);
        Assert.True(manifest.Metrics["ndcg@10"] < manifest.LiveMetrics!["ndcg@10"] * 0.98);
    }

    [Fact]
    public async Task A_live_model_trained_before_the_hold_out_is_scored_as_published()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now.AddDays(-30), days: 60));
        var live = await _harness.RunAsync(_harness.Job(("Trainer", "Popularity")));
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now, days: 20, seed: 8));

        var report = await _harness.RunAsync(_harness.Job(("Trainer", "ItemKnn")));

        Assert.Equal(RetrainOutcome.Promoted, report.Outcome);
        var manifest = await _harness.ManifestAsync(report.Version!);
        Assert.Contains($"live {live.Version} scored as published (its training data ended before the hold-out)", manifest.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_configuration_on_fresh_data_is_compared_as_one_fit_and_promoted()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        await _harness.RunAsync(_harness.Job());
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now, users: 9, days: 2, seed: 9, userPrefix: "n"));

        var report = await _harness.RunAsync(_harness.Job());

        Assert.Equal(RetrainOutcome.Promoted, report.Outcome);
        Assert.Equal(report.Metrics["ndcg@10"], report.LiveMetrics!["ndcg@10"]);
        Assert.Contains("same trainer and parameters", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_fails_while_storing_leaves_the_live_model_serving()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var live = await _harness.RunAsync(_harness.Job());
        _harness.Models.FailNextSave = new IOException("storage unavailable");

        await Assert.ThrowsAsync<IOException>(() => _harness.RunAsync(_harness.Job(("Trainer", "Ease"))));

        Assert.Equal(live.Version, await _harness.CurrentAsync());
        Assert.Single(await _harness.Models.ListVersionsAsync("recommender", CancellationToken.None));
    }

    [Fact]
    public async Task A_trainer_that_fails_leaves_the_live_model_serving_and_stores_nothing()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var live = await _harness.RunAsync(_harness.Job());

        // A blend needs validation users with earlier history; a window longer than the data leaves none.
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _harness.RunAsync(_harness.Job(("Trainer", "Blend"), ("Blend:ValidationWindow", "400.00:00:00"))));

        Assert.Equal(live.Version, await _harness.CurrentAsync());
        Assert.Single(await _harness.Models.ListVersionsAsync("recommender", CancellationToken.None));
    }

    [Fact]
    public async Task A_pointer_changed_during_the_run_wins_and_the_candidate_records_the_conflict()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var first = await _harness.RunAsync(_harness.Job(("Trainer", "Popularity")));
        var second = await _harness.RunAsync(_harness.Job(("Trainer", "ItemKnn")));
        _harness.Models.BeforeSetCurrent = () => _harness.Models.SetCurrent("recommender", first.Version!);

        var report = await _harness.RunAsync(_harness.Job(("Trainer", "ItemKnn"), ("ItemKnn:Neighbors", "10")));

        Assert.Equal(RetrainOutcome.PromotionConflict, report.Outcome);
        Assert.Equal(first.Version, await _harness.CurrentAsync());
        Assert.Equal(first.Version, report.CurrentVersion);
        Assert.Equal(second.Version, report.PreviousVersion);
        Assert.Equal(ModelDecision.PromotionConflict, (await _harness.ManifestAsync(report.Version!)).Decision);
    }

    [Fact]
    public async Task Only_the_last_versions_and_the_current_one_are_kept()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var job = _harness.Job(("KeepVersions", "2"));
        var v1 = await _harness.RunAsync(job);
        var v2 = await _harness.RunAsync(job);
        var v3 = await _harness.RunAsync(job);
        Assert.Equal([v1.Version!], v3.DeletedVersions);

        // Roll back to v2, then two refused candidates: v2 stays because it is current, v3 goes.
        _harness.Models.SetCurrent("recommender", v2.Version!);
        var worse = _harness.Job(("KeepVersions", "2"), ("Trainer", "Popularity"));
        var v4 = await _harness.RunAsync(worse);
        var v5 = await _harness.RunAsync(worse);

        var kept = (await _harness.Models.ListVersionsAsync("recommender", CancellationToken.None)).Select(m => m.Version);
        Assert.Equal(RetrainOutcome.Refused, v5.Outcome);
        Assert.Equal([v5.Version!, v4.Version!, v2.Version!], kept);
        Assert.Equal(v2.Version, await _harness.CurrentAsync());
    }

    [Fact]
    public async Task Runs_read_only_the_archive_hours_that_are_new_or_changed_and_the_merge_stays_exact()
    {
        var events = ClusteredShop.Events(RetrainingHarness.Now);
        await _harness.AppendAsync(events);
        var job = _harness.Job();
        var first = await _harness.RunAsync(job);
        var hours = events.Select(e => e.OccurredAt.ToUniversalTime()).Select(t => t.Ticks / TimeSpan.TicksPerHour).Distinct().Count();
        Assert.Equal((hours, 0), (first.HoursRead, first.HoursReused));

        var readsBefore = _harness.Archive.Reads;
        var nothingNew = await _harness.RunAsync(job);
        Assert.Equal((0, hours, 0), (nothingNew.HoursRead, nothingNew.HoursReused, _harness.Archive.Reads - readsBefore));

        // A late event in an old hour, a duplicate delivery, and a brand-new hour.
        var old = events[0];
        await _harness.AppendAsync([
            ClusteredShop.View(old.UserId, "T8", "Toys", old.OccurredAt, "late-1"),
            old,
            ClusteredShop.View("u000", "K8", "Kitchen", RetrainingHarness.Now.AddMinutes(1), "new-1"),
        ]);
        var third = await _harness.RunAsync(job);

        Assert.Equal((2, hours - 1), (third.HoursRead, third.HoursReused));
        Assert.Equal(CompactedCount(_harness.Archive.Inner.Appended.DistinctBy(e => e.EventId)), third.Interactions);
        Assert.Equal(first.Interactions + 2, third.Interactions);
        var fresh = await new Serverless.Application.Training.InteractionSnapshotMerger(new FakeEventArchiveIndex(_harness.Archive), _harness.Archive)
            .MergeAsync(Serverless.Domain.Models.InteractionSnapshot.Empty, RetrainingHarness.Now.AddYears(-2), _harness.Clock.GetUtcNow(), CancellationToken.None);
        Assert.Equal(
            fresh.Snapshot.Interactions().Select(i => i.ToString()),
            _harness.Snapshots.Current!.Interactions().Select(i => i.ToString()));
    }

    [Fact]
    public async Task A_second_run_while_one_is_in_progress_does_not_start()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var job = _harness.Job();
        _harness.Snapshots.Gate = new TaskCompletionSource();

        var running = job.TryRunAsync(CancellationToken.None);
        var second = await job.TryRunAsync(CancellationToken.None);
        _harness.Snapshots.Gate.SetResult();
        var first = await running;

        Assert.Null(second);
        Assert.Equal(RetrainOutcome.Promoted, first!.Outcome);
    }

    [Fact]
    public async Task With_no_interactions_the_run_is_skipped_and_stores_nothing()
    {
        var report = await _harness.RunAsync(_harness.Job());

        Assert.Equal(RetrainOutcome.Skipped, report.Outcome);
        Assert.Empty(await _harness.Models.ListVersionsAsync("recommender", CancellationToken.None));
    }

    [Fact]
    public async Task Too_few_hold_out_users_keep_the_live_model()
    {
        await _harness.AppendAsync(ClusteredShop.Events(RetrainingHarness.Now));
        var live = await _harness.RunAsync(_harness.Job());

        var report = await _harness.RunAsync(_harness.Job(("Trainer", "Ease"), ("MinimumHoldoutUsers", "1000")));

        Assert.Equal(RetrainOutcome.Refused, report.Outcome);
        Assert.Contains("at least 1000 are needed", report.Reason, StringComparison.Ordinal);
        Assert.Equal(live.Version, await _harness.CurrentAsync());
    }

    /// <summary>Events of one user, product and kind within one hour become one snapshot interaction.</summary>
    private static long CompactedCount(IEnumerable<Serverless.Domain.Events.BehaviorEvent> events) =>
        events.Select(e => (e.UserId, e.ProductId ?? e.Lines![0].ProductId, e.Type, e.OccurredAt.UtcTicks / TimeSpan.TicksPerHour)).Distinct().Count();
}
