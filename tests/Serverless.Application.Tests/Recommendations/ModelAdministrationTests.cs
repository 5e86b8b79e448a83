using System.Text;
using Serverless.Application.Training;
using Xunit;

namespace Serverless.Application.Tests.Recommendations;

public sealed class ModelAdministrationTests
{
    [Fact]
    public async Task Rollback_moves_the_pointer_to_a_stored_version_and_says_from_where()
    {
        using var serving = new ServingFixture();
        var v1 = await serving.TrainAsync();
        var v2 = await serving.TrainAsync();

        var result = await Rollback(serving, "recommender", "application/json; charset=utf-8", $$"""{"version":"{{v1.Version}}"}""");

        Assert.Equal(200, result.Status);
        Assert.Equal((v1.Version, v2.Version), (result.Value!.Version, result.Value.PreviousVersion));
        Assert.Equal($"rolled back from {v2.Version} to {v1.Version} by an administrator", result.Value.Reason);
        Assert.Equal(v1.Version, (await serving.App.Models.GetCurrentAsync("recommender", CancellationToken.None))!.Value.Version);
    }

    [Theory]
    [InlineData("text/plain", "{\"version\":\"x\"}", 415, "Content-Type")]
    [InlineData("application/json", "{\"version\":\"no-such-version\"}", 400, "version")]
    [InlineData("application/json", "{}", 400, "version")]
    [InlineData("application/json", "{\"version\":\"../etc\"}", 400, "version")]
    [InlineData("application/json", "not json", 400, "body")]
    public async Task Bad_rollback_requests_are_problems_naming_the_field(string contentType, string body, int status, string field)
    {
        using var serving = new ServingFixture();
        await serving.TrainAsync();

        var result = await Rollback(serving, "recommender", contentType, body);

        Assert.Equal(status, result.Status);
        Assert.Equal([field], result.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task An_unknown_model_is_a_404_for_versions_rollback_and_retrain()
    {
        using var serving = new ServingFixture();

        var versions = await serving.App.Get<ListModelVersionsHandler>().HandleAsync("churn", CancellationToken.None);
        var rollback = await Rollback(serving, "churn", "application/json", "{\"version\":\"v1\"}");
        var retrain = await serving.App.Get<RetrainModelHandler>().HandleAsync("churn", CancellationToken.None);
        var badName = await serving.App.Get<RetrainModelHandler>().HandleAsync("Bad Name", CancellationToken.None);

        Assert.Equal((404, 404, 404), (versions.Status, rollback.Status, retrain.Status));
        Assert.Equal(["name"], badName.Problem!.Errors!.Keys);
    }

    [Fact]
    public async Task Retrain_over_http_reports_the_run_and_a_failed_run_is_a_500_that_leaves_the_live_model()
    {
        using var serving = new ServingFixture();
        await serving.App.Archive.AppendAsync(ClusteredShop.Events(serving.Now), CancellationToken.None);
        var handler = serving.App.Get<RetrainModelHandler>();

        var ok = await handler.HandleAsync("recommender", CancellationToken.None);
        var settings = serving.App.Get<TrainerSettings>();
        settings.Section["Trainer"] = "Blend";
        settings.Section["Blend:ValidationWindow"] = "400.00:00:00";
        var failed = await handler.HandleAsync("recommender", CancellationToken.None);

        Assert.Equal((200, RetrainOutcome.Promoted), (ok.Status, ok.Value!.Outcome));
        Assert.Equal(500, failed.Status);
        Assert.Contains("The live model keeps serving", failed.Problem!.Detail, StringComparison.Ordinal);
        Assert.Equal(ok.Value.Version, (await serving.App.Models.GetCurrentAsync("recommender", CancellationToken.None))!.Value.Version);
    }

    [Fact]
    public async Task Models_and_versions_are_listed_with_the_current_one()
    {
        using var serving = new ServingFixture();
        var before = await serving.App.Get<ListModelsHandler>().HandleAsync(CancellationToken.None);
        var v1 = await serving.TrainAsync();
        var v2 = await serving.TrainAsync();

        var models = (await serving.App.Get<ListModelsHandler>().HandleAsync(CancellationToken.None)).Value!;
        var versions = (await serving.App.Get<ListModelVersionsHandler>().HandleAsync("recommender", CancellationToken.None)).Value!;

        // Both models with a retraining job are listed as retrainable before either has a version.
        Assert.Equal(["recommender", "support-intents"], before.Value!.Models.Select(m => m.Name));
        Assert.All(before.Value.Models, m => Assert.Equal((0, true, (Domain.Models.ModelPointer?)null), (m.StoredVersions, m.Retrainable, m.Current)));
        Assert.Equal(["recommender", "support-intents"], models.Models.Select(m => m.Name));
        var model = models.Models[0];
        Assert.Equal((v2.Version, 2), (model.Current!.Version, model.StoredVersions));
        var intents = models.Models[1];
        Assert.Equal((0, true, (Domain.Models.ModelPointer?)null), (intents.StoredVersions, intents.Retrainable, intents.Current));
        Assert.Equal(v2.Version, model.CurrentManifest!.Version);
        Assert.Equal(v2.Version, versions.CurrentVersion);
        Assert.Equal([v2.Version, v1.Version], versions.Versions.Select(v => v.Version));
    }

    private static Task<Common.HandlerResult<Domain.Models.ModelPointer>> Rollback(ServingFixture serving, string name, string contentType, string body) =>
        serving.App.Get<RollbackModelHandler>().HandleAsync(
            name, new RollbackRequest(contentType, new MemoryStream(Encoding.UTF8.GetBytes(body))), CancellationToken.None);
}
