using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Application.Forecasts;
using Serverless.Application.Hosting;
using Serverless.Benchmarks.Recommendations;
using Serverless.Cli.Datasets;
using Serverless.Domain.Catalog;
using Serverless.Domain.Events;
using Serverless.Domain.Forecasts;
using Serverless.Domain.Ports;
using Serverless.Domain.Profiles;
using Serverless.Infrastructure.Archive;
using Serverless.Infrastructure.Storage;
using Serverless.LocalHost;
using Serverless.Testing;

namespace Serverless.Benchmarks.Forecasts;

/// <summary>
/// The forecast routes through LocalHost on loopback at a steady closed-loop load, beside baselines through the same
/// host in the same run: GET /api/health and GET /api/users/{id}/profile (one Cosmos point read). Setup, outside the
/// measurement: Online Retail purchases of a customer sample written straight to the archive (dates shifted to end
/// yesterday), their profiles built with ProfileUpdater, the catalog of their products (the best sellers in category
/// <c>bench-top</c>, the rest in <c>bench-rest</c>), and <c>bench-top</c> and the shop's total precomputed by the queue
/// worker from one <c>forecast-requests</c> message each. Measured: precomputed product, category and total forecasts
/// (one Cosmos point read), on-demand forecasts past the precomputed horizon from a cached model, and cold on-demand
/// forecasts (one fit each).
/// </summary>
internal sealed class ForecastHttpBenchmark(ForecastHttpOptions options, TextWriter output)
{
    private const string Key = "benchmark-function-key-local-only";
    private const string TopCategory = "bench-top";
    private const string RestCategory = "bench-rest";

    public async Task<ForecastHttpRun> RunAsync()
    {
        var emulators = new EmulatorFixture();
        await emulators.InitializeAsync();
        var suffix = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var archive = "bench-forecast-archive-" + suffix;
        var settings = emulators.Settings();
        settings["LocalHost:FunctionKey"] = Key;
        settings["LocalHost:HostJsonPath"] = Path.Combine(RepositoryRoot.Path, "host.json");
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["ModelRegistry:TrainingContainerName"] = "bench-forecast-training-" + suffix;

        var blobs = new BlobStorageClient(StorageAccount.Parse(emulators.StorageConnectionString));
        try
        {
            await using var host = await LocalHostApplication.StartAsync(
                "http://127.0.0.1:0",
                settings,
                services => services.AddSingleton(new EventArchiveOptions { ContainerName = archive, WriterId = "bench" }));
            var data = await LoadAsync(host.Services);
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
            using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(300) };
            client.DefaultRequestHeaders.Add("x-functions-key", Key);

            var precompute = await PrecomputeAsync(host.Services);
            var top = data.Top;
            var rest = data.Others;
            var endpoints = new (string Name, Func<int, int, string> Path, bool Cold)[]
            {
                ("GET /api/health (baseline)", (_, _) => "api/health", false),
                ("GET /api/users/{id}/profile (baseline)", (_, i) => $"api/users/{data.Users[i % data.Users.Count]}/profile", false),
                ("GET /api/forecasts/products/{id}?horizon=28 (precomputed)", (_, i) => $"api/forecasts/products/{Uri.EscapeDataString(top[i % top.Count])}?horizon=28", false),
                ("GET /api/forecasts/categories/{c}?horizon=28 (precomputed)", (_, _) => $"api/forecasts/categories/{TopCategory}?horizon=28", false),
                ("GET /api/forecasts/total?horizon=28 (precomputed)", (_, _) => "api/forecasts/total?horizon=28", false),
                ("GET /api/forecasts/products/{id}?horizon=120 (on demand, cached model)", (_, i) => $"api/forecasts/products/{Uri.EscapeDataString(top[i % top.Count])}?horizon=120", false),
                ("GET /api/forecasts/products/{id}?horizon=28 (on demand, cold: one fit)", (run, i) => $"api/forecasts/products/{Uri.EscapeDataString(rest[((run - 1) * options.ColdRequests + i) % rest.Count])}?horizon=28", true),
            };

            // Warm-up (not for the cold endpoint: each of its requests must fit a model never fitted before).
            foreach (var (_, path, cold) in endpoints.Where(e => !e.Cold))
            {
                await LoopAsync(client, i => path(0, i), Math.Max(50, options.Requests / 10));
            }

            var runs = new List<IReadOnlyList<HttpEndpointResult>>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var results = new List<HttpEndpointResult>();
                foreach (var (name, path, cold) in endpoints)
                {
                    var current = run;
                    var result = await MeasureAsync(client, name, i => path(current, i), cold ? options.ColdRequests : options.Requests);
                    output.WriteLine($"run {run} {name}: median {result.Latency.Median:F2} ms, p99 {result.Latency.P99:F2} ms, {result.RequestsPerSecond:F0} req/s, {result.Failures} failures");
                    results.Add(result);
                }

                runs.Add(results);
            }

            return new ForecastHttpRun(options, data.Users.Count, top.Count + rest.Count, data.PurchaseEvents, precompute, runs);
        }
        finally
        {
            await blobs.DeleteContainerIfExistsAsync(archive);
            await blobs.DeleteContainerIfExistsAsync("bench-forecast-training-" + suffix);
        }
    }

    /// <summary>
    /// One message for the best sellers' category and one for the total (every product fitted) through the real queue and
    /// worker; waits for both documents.
    /// </summary>
    private async Task<double> PrecomputeAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        var queue = services.GetRequiredService<ConfiguredQueueNames>().For(Serverless.Application.Hosting.FunctionNames.ProcessForecastRequest);
        var publisher = services.GetRequiredService<IMessagePublisher>();
        foreach (var (kind, category) in new[] { (ForecastSeriesKind.Category, (string?)TopCategory), (ForecastSeriesKind.Total, null) })
        {
            await publisher.PublishAsync(
                queue,
                new ForecastRequestMessage
                {
                    Kind = kind,
                    Category = category,
                    Granularity = ForecastGranularity.Day,
                    HistoryEnd = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
                    RequestedAt = DateTimeOffset.UtcNow,
                },
                CancellationToken.None);
        }

        // Polls the documents, not the routes: a route would fit the series on demand meanwhile (every product, for the total).
        var repository = services.GetRequiredService<IForecastRepository>();
        await WaitPrecomputedAsync(repository, ForecastSeriesKind.Category, TopCategory, startedAt);
        await WaitPrecomputedAsync(repository, ForecastSeriesKind.Total, DemandForecast.TotalName, startedAt);
        output.WriteLine($"precomputed {TopCategory} ({options.Precomputed} products) and the total through the queue in {clock.Elapsed.TotalSeconds:F1} s");
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task WaitPrecomputedAsync(IForecastRepository repository, ForecastSeriesKind kind, string name, DateTimeOffset since)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(20);
        while ((await repository.GetAsync(kind, name, ForecastGranularity.Day, CancellationToken.None))?.GeneratedAt is not { } generated || generated < since)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The {kind} {name} was not precomputed in 20 minutes.");
            }

            await Task.Delay(500);
        }
    }

    private async Task<HttpEndpointResult> MeasureAsync(HttpClient client, string name, Func<int, string> path, int requests)
    {
        var clock = Stopwatch.StartNew();
        var (samples, failures) = await LoopAsync(client, path, requests);
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

    private async Task<(IReadOnlyList<string> Users, IReadOnlyList<string> Top, IReadOnlyList<string> Others, int PurchaseEvents)> LoadAsync(IServiceProvider services)
    {
        var file = OnlineRetailEventSource.FindDefaultFile() ?? Path.Combine(RepositoryRoot.Datasets, "online_retail_uci", "online_retail.csv.gz");
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        var source = new OnlineRetailEventSource(file, new OnlineRetailOptions
        {
            CustomerSampleSize = options.Customers,
            Seed = options.Seed,
            ShiftLatestTo = today.AddHours(-1),
        });
        var events = source.ReadEvents().ToList();
        var clock = Stopwatch.StartNew();
        await services.GetRequiredService<IEventArchive>().AppendAsync(events, CancellationToken.None);

        var units = events.Where(e => e.Type == BehaviorEventType.Purchase)
            .SelectMany(e => e.Lines ?? [])
            .GroupBy(l => l.ProductId, StringComparer.Ordinal)
            .Select(g => (Product: g.Key, Units: g.Sum(l => (long)l.Quantity)))
            .OrderByDescending(p => p.Units)
            .ThenBy(p => p.Product, StringComparer.Ordinal)
            .ToList();
        var top = units.Take(options.Precomputed).Select(p => p.Product).ToList();
        var rest = units.Skip(options.Precomputed).Select(p => p.Product).ToList();
        var catalog = services.GetRequiredService<ICatalogRepository>();
        var topSet = top.ToHashSet(StringComparer.Ordinal);
        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (product, ct) =>
            await catalog.TrySaveAsync(
                new Product
                {
                    ProductId = product.Product,
                    Title = "Product " + product.Product,
                    Category = topSet.Contains(product.Product) ? TopCategory : RestCategory,
                    UpdatedAt = DateTimeOffset.UtcNow,
                },
                null,
                ct));

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

        // Shuffled with the seed, so the cold requests are not ordered by sales.
        var shuffled = rest.OrderBy(p => p, StringComparer.Ordinal).ToArray();
        new Random(options.Seed).Shuffle(shuffled);
        output.WriteLine($"loaded {events.Count} purchase events of {byUser.Count} customers, {units.Count} products in {clock.Elapsed.TotalSeconds:F1} s");
        return (byUser.Select(g => g.Key).Order(StringComparer.Ordinal).ToList(), top, shuffled, events.Count);
    }
}
