using System.Text.Json;
using Serverless.Application.Support;
using Serverless.Infrastructure.Storage;
using Serverless.Infrastructure.Support;
using Serverless.Testing;
using Xunit;

namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>
/// The support intent classifier's lifecycle over real HTTP against LocalHost and Azurite: the shop adds labelled
/// utterances for an intent the served model does not know, an administrator posts
/// POST /api/models/support-intents/retrain with the function key, the new version is current in GET /api/models, and
/// the next reply is classified by it. Trained on the shipped utterance sets only (no Bitext), so it stays fast.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SupportIntentsRetrainingEndToEndTests(EmulatorFixture emulators)
{
    private const string ShopLabel = "gift_wrap";
    private const string Message = "could you gift wrap it for me";

    private const string ShopUtterances = """
        text,label
        can you gift wrap my order,gift_wrap
        do you offer gift wrapping,gift_wrap
        I'd like this wrapped as a present,gift_wrap
        please add gift wrap,gift_wrap
        is gift wrapping available,gift_wrap
        wrap it as a gift please,gift_wrap
        how much is gift wrapping,gift_wrap
        can I get a gift box with it,gift_wrap
        I want the parcel gift wrapped,gift_wrap
        add gift wrapping and a card,gift_wrap
        能帮我包装成礼物吗,gift_wrap
        可以礼品包装吗,gift_wrap
        """;

    [Fact]
    public async Task Retraining_over_http_publishes_a_version_that_the_next_reply_is_classified_with()
    {
        var content = "e2e-intents-" + Guid.NewGuid().ToString("N")[..6];
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, new Dictionary<string, string?>
        {
            ["Support:TrainingDataPath"] = string.Empty,
            ["Support:UtterancesPath"] = Path.Combine(RepositoryRoot.Path, "data", "intents"),
            ["Support:ContentContainerName"] = content,
            ["Support:RefreshSeconds"] = "0",
        });
        var blobs = new BlobStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        try
        {
            // Before any version: the model trained at first use, which has never seen the shop's label.
            var before = await host.PostJsonAsync("api/support/replies", JsonSerializer.Serialize(new { message = Message }));
            Assert.NotEqual(ShopLabel, before.GetProperty("intent").GetString());
            var listedBefore = Model(await host.GetJsonAsync("api/models"));
            Assert.Equal((0, true), (listedBefore.GetProperty("storedVersions").GetInt32(), listedBefore.GetProperty("retrainable").GetBoolean()));

            await blobs.CreateContainerIfNotExistsAsync(content);
            await blobs.PutBlockBlobAsync(content, BlobSupportContentStore.UtterancesPrefix + "shop.csv", BinaryData.FromString(ShopUtterances), "text/csv");

            Assert.Contains(RecommendationsEndToEndHost.Key, host.Client.DefaultRequestHeaders.GetValues("x-functions-key"));
            var report = await host.PostJsonAsync($"api/models/{SupportIntentTraining.ModelName}/retrain", null);
            var version = report.GetProperty("version").GetString();
            Assert.Equal("promoted", report.GetProperty("outcome").GetString());

            var listed = Model(await host.GetJsonAsync("api/models"));
            Assert.Equal(version, listed.GetProperty("current").GetProperty("version").GetString());
            Assert.Equal((1, true), (listed.GetProperty("storedVersions").GetInt32(), listed.GetProperty("retrainable").GetBoolean()));

            var after = await host.PostJsonAsync("api/support/replies", JsonSerializer.Serialize(new { message = Message }));
            Assert.Equal(ShopLabel, after.GetProperty("intent").GetString());
        }
        finally
        {
            await blobs.DeleteContainerIfExistsAsync(content);
        }
    }

    private static JsonElement Model(JsonElement list) =>
        Assert.Single(list.GetProperty("models").EnumerateArray(), m => m.GetProperty("name").GetString() == SupportIntentTraining.ModelName);
}
