using System.Net;
using System.Text;
using System.Text.Json;
using Serverless.Application.Support;
using Serverless.Domain.Json;
using Serverless.Domain.Ports;
using Serverless.Domain.Support;
using Serverless.Infrastructure.Storage;
using Serverless.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Serverless.LocalHost.Tests.EndToEnd.Support;

/// <summary>
/// The scripted conversation suite (support-conversations.json: English and Chinese, every intent, slot filling,
/// hand-off) over real HTTP against LocalHost, with orders and products seeded in the Cosmos server, the knowledge
/// base seeded into Azurite from docs/knowledge, and the intent model trained at first use from a Bitext sample plus
/// the shipped Chinese set. Prints each failed check and the pass rate.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SupportConversationsEndToEndTests(EmulatorFixture emulators, ITestOutputHelper output)
{
    /// <summary>The share of conversations whose every check must pass (the classifier is statistical; the rest is not).</summary>
    private const double RequiredConversationPassRate = 0.9;

    public static Dictionary<string, string?> Settings(string contentContainer) => new()
    {
        ["Support:TrainingDataPath"] = Path.Combine(RepositoryRoot.Datasets, "bitext_customer_support_intents", "bitext_customer_support_intents.csv"),
        ["Support:TrainingSamplePerIntent"] = "100",
        ["Support:UtterancesPath"] = Path.Combine(RepositoryRoot.Path, "data", "intents"),
        ["Support:SentimentDataPath"] = Path.Combine(RepositoryRoot.Datasets, "uci_sentiment_labelled_sentences"),
        ["Support:KnowledgeSeedPath"] = Path.Combine(RepositoryRoot.Path, "docs", "knowledge"),
        ["Support:ContentContainerName"] = contentContainer,
        ["Recommendations:CatalogRefreshSeconds"] = "0",
        ["Recommendations:ModelPollSeconds"] = "0",
    };

    [Fact]
    public async Task The_scripted_conversations_get_grounded_replies_slot_filling_and_hand_offs_over_http()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var content = "e2e-support-" + run;
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, Settings(content));
        var blobs = new BlobStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        try
        {
            await host.Queues.CreateQueueIfNotExistsAsync(QueueNames.Handoff);
            await host.Queues.ClearMessagesAsync(QueueNames.Handoff);
            await SupportSeedData.SeedAsync(host.Host.Services, run);
            var script = JsonSerializer.Deserialize<ConversationScript>(
                await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "tests", "Serverless.LocalHost.Tests", "EndToEnd", "Support", "support-conversations.json")),
                DomainJson.Options)!;
            Assert.True(script.Conversations.Count >= 30);

            var failures = new List<string>();
            var passed = 0;
            var handedOff = new List<string>();
            var conversationIds = new List<(string Id, int Turns)>();
            foreach (var conversation in script.Conversations)
            {
                string? conversationId = null;
                var problems = new List<string>();
                var userId = conversation.User is null ? null : SupportSeedData.UserId(conversation.User, run);
                foreach (var (turn, index) in conversation.Turns.Select((t, i) => (t, i)))
                {
                    var reply = await host.PostJsonAsync("api/support/replies", JsonSerializer.Serialize(new { conversationId, userId, message = turn.Message }));
                    conversationId = reply.GetProperty("conversationId").GetString();
                    problems.AddRange(Check(turn, reply).Select(p => $"turn {index + 1} \"{turn.Message}\": {p}"));
                    if (reply.GetProperty("handoff").GetBoolean())
                    {
                        handedOff.Add(conversationId!);
                    }
                }

                conversationIds.Add((conversationId!, conversation.Turns.Count));
                if (problems.Count == 0)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{conversation.Name}: {string.Join("; ", problems)}");
                }
            }

            var rate = (double)passed / script.Conversations.Count;
            output.WriteLine($"Scripted conversations: {passed}/{script.Conversations.Count} passed ({rate:P1}), {script.Conversations.Sum(c => c.Turns.Count)} turns");
            failures.ForEach(output.WriteLine);

            // Every conversation is stored with every turn; every hand-off is on the queue with its transcript.
            foreach (var (id, turns) in conversationIds)
            {
                var stored = await host.GetJsonAsync($"api/support/conversations/{id}");
                Assert.Equal(turns, stored.GetProperty("turns").GetArrayLength());
            }

            var queued = await HandoffMessagesAsync(host, handedOff.Count);
            Assert.Equal(handedOff.Order(), queued.Select(m => m.ConversationId).Order());
            Assert.All(queued, m => Assert.NotEmpty(m.Transcript));
            Assert.True(rate >= RequiredConversationPassRate, $"{passed}/{script.Conversations.Count} conversations passed:\n{string.Join("\n", failures)}");
        }
        finally
        {
            await blobs.DeleteContainerIfExistsAsync(content);
        }
    }

    [Fact]
    public async Task Empty_oversized_and_malformed_messages_and_unknown_conversations_are_problems_over_http()
    {
        var content = "e2e-support-" + Guid.NewGuid().ToString("N")[..6];
        await using var host = await RecommendationsEndToEndHost.StartAsync(emulators, Settings(content));

        var empty = await host.PostJsonAsync("api/support/replies", """{"message":""}""", HttpStatusCode.BadRequest);
        var oversized = await host.PostJsonAsync("api/support/replies", JsonSerializer.Serialize(new { message = new string('x', 2001) }), HttpStatusCode.BadRequest);
        var locale = await host.PostJsonAsync("api/support/replies", """{"message":"hi","locale":"de"}""", HttpStatusCode.BadRequest);
        var unknown = await host.GetJsonAsync("api/support/conversations/does-not-exist", HttpStatusCode.NotFound);
        using var plain = new StringContent("hello", Encoding.UTF8, "text/plain");
        using var notJson = await host.Client.PostAsync("api/support/replies", plain);
        using var anonymous = new HttpClient { BaseAddress = host.Client.BaseAddress };
        using var withoutKey = await anonymous.PostAsync("api/support/replies", new StringContent("""{"message":"hi"}""", Encoding.UTF8, "application/json"));

        Assert.True(empty.GetProperty("errors").TryGetProperty("message", out _));
        Assert.True(oversized.GetProperty("errors").TryGetProperty("message", out _));
        Assert.True(locale.GetProperty("errors").TryGetProperty("locale", out _));
        Assert.Equal(404, unknown.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }

    private static IEnumerable<string> Check(ScriptedTurn turn, JsonElement reply)
    {
        var text = reply.GetProperty("reply").GetString()!;
        var label = reply.GetProperty("intent").GetString()!;
        var actions = reply.GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToList();
        var sources = reply.GetProperty("sources").EnumerateArray().Select(a => a.GetString()!).ToList();
        var handoff = reply.GetProperty("handoff").GetBoolean();
        var dialogue = JsonNamingPolicy.SnakeCaseLower.ConvertName(SupportIntentMap.Of(label).ToString());
        if (turn.Dialogue is not null && dialogue != turn.Dialogue)
        {
            yield return $"dialogue {dialogue} (label {label}, confidence {reply.GetProperty("confidence").GetDouble():F2}) instead of {turn.Dialogue}";
        }

        if (handoff != turn.Handoff)
        {
            yield return $"handoff {handoff} ({(reply.TryGetProperty("handoffReason", out var reason) ? reason.GetString() : "-")}) instead of {turn.Handoff}";
        }

        foreach (var action in (turn.Actions ?? []).Where(a => !actions.Contains(a)))
        {
            yield return $"no action {action} in [{string.Join(", ", actions)}]";
        }

        foreach (var source in (turn.Sources ?? []).Where(s => !sources.Contains(s)))
        {
            yield return $"no source {source} in [{string.Join(", ", sources)}]";
        }

        foreach (var fact in (turn.Facts ?? []).Where(f => !text.Contains(f, StringComparison.Ordinal)))
        {
            yield return $"no \"{fact}\" in \"{text}\"";
        }
    }

    private static async Task<List<HandoffRequest>> HandoffMessagesAsync(RecommendationsEndToEndHost host, int expected)
    {
        var messages = new List<HandoffRequest>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            foreach (var message in await host.Queues.ReceiveMessagesAsync(QueueNames.Handoff, 32, TimeSpan.FromMinutes(5)))
            {
                messages.Add(JsonSerializer.Deserialize<HandoffRequest>(message.Body, DomainJson.Options)!);
            }
        }

        return messages;
    }
}
