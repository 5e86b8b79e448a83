using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Application.Support;
using Serverless.Benchmarks.Recommendations;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Orders;
using Serverless.Domain.Ports;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost;
using Serverless.Testing;

namespace Serverless.Benchmarks.Support;

/// <summary>
/// Reply latency of POST /api/support/replies through LocalHost on the local emulators, one request at a time:
/// in-process (ReplyToCustomerHandler called from the host's services: classification, sentiment, the dialogue's
/// Cosmos reads, the conversation write) and over HTTP on loopback (the same plus Kestrel, the key check and JSON),
/// beside GET /api/health through the same host as a baseline. Each request starts a new conversation; the messages
/// rotate over order tracking (a signed-in user with one order), a knowledge question, a product question and a
/// recommendation, in English and Chinese. The intent model is trained before measuring (a Bitext sample of
/// --sample rows per intent plus the shipped sets).
/// </summary>
internal sealed class SupportLatencyBenchmark(int requests, int runs, int sample, TextWriter output)
{
    private const string Key = "benchmark-function-key-local-only";

    private static readonly (string Message, bool SignedIn)[] Messages =
    [
        ("I want to track my order", true),
        ("我的订单到哪了", true),
        ("which payment methods can I use", false),
        ("怎么修改收货地址", false),
        ("do you have trail running shoes", false),
        ("有没有瑜伽垫", false),
        ("what should I buy", true),
        ("给我推荐点东西吧", false),
    ];

    public async Task<IReadOnlyList<IReadOnlyList<LatencyResult>>> RunAsync()
    {
        var emulators = new EmulatorFixture();
        await emulators.InitializeAsync();
        var suffix = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var containers = new[] { "bench-models-" + suffix, "bench-training-" + suffix, "bench-support-" + suffix };
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["ModelRegistry:ContainerName"] = containers[0];
        settings["ModelRegistry:TrainingContainerName"] = containers[1];
        settings["Support:ContentContainerName"] = containers[2];
        settings["Support:TrainingDataPath"] = Path.Combine(RepositoryRoot.Datasets, "bitext_customer_support_intents", "bitext_customer_support_intents.csv");
        settings["Support:TrainingSamplePerIntent"] = sample.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Support:UtterancesPath"] = Path.Combine(RepositoryRoot.Path, "data", "intents");
        settings["Support:SentimentDataPath"] = Path.Combine(RepositoryRoot.Datasets, "uci_sentiment_labelled_sentences");
        settings["Support:KnowledgeSeedPath"] = Path.Combine(RepositoryRoot.Path, "docs", "knowledge");

        var blobs = new BlobStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        try
        {
            await using var host = await LocalHostApplication.StartAsync("http://127.0.0.1:0", settings);
            await SeedAsync(host.Services);
            using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
            client.DefaultRequestHeaders.Add("x-functions-key", Key);
            var handler = host.Services.GetRequiredService<ReplyToCustomerHandler>();

            var clock = Stopwatch.StartNew();
            await InProcessAsync(handler, 0);
            output.WriteLine($"first reply (trains the intent and sentiment models, seeds the knowledge base): {clock.Elapsed.TotalSeconds:F1} s");
            for (var i = 0; i < 40; i++)
            {
                await InProcessAsync(handler, i);
                await OverHttpAsync(client, i);
            }

            var results = new List<IReadOnlyList<LatencyResult>>();
            for (var run = 1; run <= runs; run++)
            {
                var health = await MeasureAsync("GET /api/health (baseline)", async _ =>
                {
                    using var response = await client.GetAsync("api/health");
                    Ensure(response.StatusCode);
                });
                var inProcess = await MeasureAsync("reply in-process (handler)", i => InProcessAsync(handler, i));
                var http = await MeasureAsync("POST /api/support/replies", i => OverHttpAsync(client, i));
                foreach (var result in new[] { health, inProcess, http })
                {
                    output.WriteLine($"run {run} {result.Name}: median {result.Median:F2} ms, p99 {result.P99:F2} ms");
                }

                results.Add([health, inProcess, http]);
            }

            return results;
        }
        finally
        {
            foreach (var container in containers)
            {
                await blobs.DeleteContainerIfExistsAsync(container);
            }
        }
    }

    private async Task<LatencyResult> MeasureAsync(string name, Func<int, Task> call)
    {
        var samples = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return LatencyResult.From(name, samples);
    }

    private static async Task InProcessAsync(ReplyToCustomerHandler handler, int i)
    {
        var result = await handler.HandleAsync(new SupportReplyRequest("application/json", new MemoryStream(Body(i))), CancellationToken.None);
        Ensure((HttpStatusCode)result.Status);
    }

    private static async Task OverHttpAsync(HttpClient client, int i)
    {
        using var content = new ByteArrayContent(Body(i));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("api/support/replies", content);
        Ensure(response.StatusCode);
    }

    private static byte[] Body(int i)
    {
        var (message, signedIn) = Messages[i % Messages.Length];
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { userId = signedIn ? "bench-user" : null, message }));
    }

    private static void Ensure(HttpStatusCode status)
    {
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Answered {(int)status}.");
        }
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<IOrderRepository>().TrySaveAsync(new Order
        {
            OrderId = "SO-1001", UserId = "bench-user", PlacedAt = now.AddDays(-3), Currency = "EUR", Total = 42m, Status = OrderStatuses.Shipped,
            Lines = [new OrderLine { ProductId = "P-RUN", Quantity = 1, UnitPrice = 42m }],
        }, null, CancellationToken.None);
        var catalog = services.GetRequiredService<ICatalogRepository>();
        foreach (var (id, title, price) in new[] { ("P-RUN", "Trail running shoes 越野跑鞋", 89.9m), ("P-MAT", "Yoga mat 瑜伽垫", 19.99m), ("P-KETTLE", "Electric kettle 电水壶", 34.5m) })
        {
            await catalog.TrySaveAsync(new Product { ProductId = id, Title = title, Price = price, Currency = "EUR", UpdatedAt = now }, null, CancellationToken.None);
        }
    }
}
