using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Cli.Datasets;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost;
using Serverless.Testing;

namespace Serverless.Benchmarks.Recommendations;

/// <summary>
/// The full HTTP path of the serving endpoints through LocalHost on loopback at a steady closed-loop load, beside
/// baselines through the same host in the same run: GET /api/health (storage and Cosmos probes) and GET
/// /api/users/{id}/profile (the one Cosmos point read a recommendation also makes). Setup, outside the measurement:
/// Online Retail purchases of a customer sample written straight to the archive, their profiles built with the
/// pipeline's ProfileUpdater and stored, the catalog of their products, and a model trained through
/// POST /api/models/recommender/retrain. Everything lives in a database and containers of its own.
/// </summary>
internal sealed class HttpServingBenchmark(HttpServingOptions options, TextWriter output)
{
    private const string Key = "benchmark-function-key-local-only";

    public async Task<HttpServingRun> RunAsync()
    {
        var emulators = new EmulatorFixture();
        await emulators.InitializeAsync();
        var suffix = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var containers = new[] { "bench-archive-" + suffix, "bench-models-" + suffix, "bench-training-" + suffix };
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["ModelRegistry:ContainerName"] = containers[1];
        settings["ModelRegistry:TrainingContainerName"] = containers[2];
        settings["Recommendations:Training:Trainer"] = options.Trainer;

        var blobs = new BlobStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        try
        {
            await using var host = await LocalHostApplication.StartAsync(
                "http://127.0.0.1:0",
                settings,
                services => services.AddSingleton(new EventArchiveOptions { ContainerName = containers[0], WriterId = "bench" }));
            var users = await LoadAsync(host.Services);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("x-functions-key", Key);

            var clock = Stopwatch.StartNew();
            using var retrain = await client.PostAsync("api/models/recommender/retrain", null);
            var report = JsonDocument.Parse(await retrain.Content.ReadAsStringAsync()).RootElement;
            if (retrain.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"retrain answered {(int)retrain.StatusCode}: {report}");
            }

            output.WriteLine($"trained {report.GetProperty("outcome")} {report.GetProperty("version")} on {report.GetProperty("interactions")} interactions, " +
                $"{report.GetProperty("items")} items in {clock.Elapsed.TotalSeconds:F1} s");
            var products = users.Products;
            var endpoints = new (string Name, Func<int, string> Path)[]
            {
                ("GET /api/health (baseline)", _ => "api/health"),
                ("GET /api/users/{id}/profile (baseline)", i => $"api/users/{users.Ids[i % users.Ids.Count]}/profile"),
                ("GET /api/users/{id}/recommendations", i => $"api/users/{users.Ids[i % users.Ids.Count]}/recommendations?count=10"),
                ("GET .../recommendations?context=product", i => $"api/users/{users.Ids[i % users.Ids.Count]}/recommendations?count=10&context=product&productId={Uri.EscapeDataString(products[i % products.Count])}"),
                ("GET /api/products/{id}/similar", i => $"api/products/{Uri.EscapeDataString(products[i % products.Count])}/similar?count=10"),
                ("GET /api/products/trending", _ => "api/products/trending?count=10"),
            };

            foreach (var (_, path) in endpoints)
            {
                await LoopAsync(client, path, Math.Max(50, options.Requests / 10));
            }

            var runs = new List<IReadOnlyList<HttpEndpointResult>>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var results = new List<HttpEndpointResult>();
                foreach (var (name, path) in endpoints)
                {
                    var result = await MeasureAsync(client, name, path);
                    output.WriteLine($"run {run} {name}: median {result.Latency.Median:F2} ms, p99 {result.Latency.P99:F2} ms, {result.RequestsPerSecond:F0} req/s, {result.Failures} failures");
                    results.Add(result);
                }

                runs.Add(results);
            }

            return new HttpServingRun(options, users.Ids.Count, products.Count, report.GetProperty("interactions").GetInt64(), runs);
        }
        finally
        {
            foreach (var container in containers)
            {
                await blobs.DeleteContainerIfExistsAsync(container);
            }
        }
    }

    private async Task<HttpEndpointResult> MeasureAsync(HttpClient client, string name, Func<int, string> path)
    {
        var clock = Stopwatch.StartNew();
        var (samples, failures) = await LoopAsync(client, path, options.Requests);
        var elapsed = clock.Elapsed;
        return new HttpEndpointResult(name, LatencyResult.From(name, samples), samples.Count / elapsed.TotalSeconds, failures);
    }

    /// <summary>A closed loop: <c>Concurrency</c> clients share a counter of <paramref name="requests"/> requests.</summary>
    private async Task<(List<double> Samples, int Failures)> LoopAsync(HttpClient client, Func<int, string> path, int requests)
    {
        var next = -1;
        var failures = 0;
        var perClient = await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            var samples = new List<double>();
            for (var i = Interlocked.Increment(ref next); i < requests; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return samples;
        }));
        return (perClient.SelectMany(s => s).ToList(), failures);
    }

    private async Task<(IReadOnlyList<string> Ids, IReadOnlyList<string> Products)> LoadAsync(IServiceProvider services)
    {
        var file = OnlineRetailEventSource.FindDefaultFile() ?? Path.Combine(RepositoryRoot.Datasets, "online_retail_uci", "online_retail.csv.gz");
        var source = new OnlineRetailEventSource(file, new OnlineRetailOptions
        {
            CustomerSampleSize = options.Customers,
            Seed = options.Seed,
            ShiftLatestTo = DateTimeOffset.UtcNow.AddHours(-1),
        });
        var events = source.ReadEvents().ToList();
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<IEventArchive>().AppendAsync(events, CancellationToken.None);

        var catalog = services.GetRequiredService<ICatalogRepository>();
        var products = events.SelectMany(e => e.Lines ?? []).Select(l => l.ProductId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (product, ct) =>
            await catalog.TrySaveAsync(new Product { ProductId = product, Title = "Product " + product, InStock = true, UpdatedAt = DateTimeOffset.UtcNow }, null, ct));

        var profiles = services.GetRequiredService<IProfileRepository>();
        var byUser = events.GroupBy(e => e.UserId).ToList();
        await Parallel.ForEachAsync(byUser, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (group, ct) =>
        {
            var profile = new UserProfile { UserId = group.Key };
            foreach (var e in group.OrderBy(e => e.OccurredAt))
            {
                ProfileUpdater.Apply(profile, e, new ProfileOptions());
            }

            await profiles.TrySaveAsync(profile, null, ct);
        });

        output.WriteLine($"loaded {events.Count} purchase events of {byUser.Count} customers, {products.Count} products in {clock.Elapsed.TotalSeconds:F1} s");
        return (byUser.Select(g => g.Key).Order(StringComparer.Ordinal).ToList(), products);
    }
}
