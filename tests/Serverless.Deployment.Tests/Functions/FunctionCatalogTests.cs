using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Application;
using Serverless.Application.Hosting;
using Serverless.Application.Telemetry;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>The catalogue itself: complete with respect to the Application handlers, unambiguous, and resolvable.</summary>
public sealed class FunctionCatalogTests
{
    [Fact]
    public void Every_Application_handler_is_the_handler_of_exactly_one_function()
    {
        var handlers = typeof(FunctionCatalog).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsSealed: true } && t.Name.EndsWith("Handler", StringComparison.Ordinal))
            .Where(t => t.GetMethod("HandleAsync", BindingFlags.Public | BindingFlags.Instance) is not null)
            .OrderBy(t => t.FullName)
            .ToList();

        Assert.NotEmpty(handlers);
        Assert.Equal(handlers, FunctionCatalog.All.Select(f => f.HandlerType).OrderBy(t => t.FullName));
    }

    [Fact]
    public void Names_routes_and_settings_are_unique_and_every_handler_is_registered_by_AddApplication()
    {
        var services = new ServiceCollection().AddApplication(new ConfigurationBuilder().Build());

        Assert.Equal(FunctionCatalog.All.Count, FunctionCatalog.All.Select(f => f.Name).Distinct().Count());
        Assert.Equal(FunctionCatalog.Http.Count(), FunctionCatalog.Http.Select(f => (f.Http!.Method, f.Http.Route)).Distinct().Count());
        Assert.Equal(FunctionCatalog.Queues.Count(), FunctionCatalog.Queues.Select(f => f.Queue!.QueueNameSetting).Distinct().Count());
        Assert.All(FunctionCatalog.All, f => Assert.Contains(services, d => d.ServiceType == f.HandlerType));
        // Only health answers without a key (it reveals nothing but the dependencies' state).
        Assert.Equal([FunctionNames.Health], FunctionCatalog.Http.Where(f => f.Http!.Authorization == HttpAuthorization.Anonymous).Select(f => f.Name));
    }

    [Fact]
    public void Queue_names_and_schedules_come_from_settings_with_the_catalogue_defaults()
    {
        var processEvent = FunctionCatalog.Get(FunctionNames.ProcessEvent);
        var recompute = FunctionCatalog.Get(FunctionNames.RecomputeRfmThresholds);
        var empty = new ConfigurationBuilder().Build();
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["EventsQueueName"] = " staging-events ",
            ["RfmRecomputeSchedule"] = "0 */5 * * * *",
        }).Build();

        Assert.Equal(("events", "0 0 * * * *"), (FunctionCatalog.QueueName(empty, processEvent), FunctionCatalog.Schedule(empty, recompute)));
        Assert.Equal(("staging-events", "0 */5 * * * *"), (FunctionCatalog.QueueName(configured, processEvent), FunctionCatalog.Schedule(configured, recompute)));
        Assert.Equal("staging-events", new ConfiguredQueueNames(configured).For(FunctionNames.ProcessEvent));
        Assert.Throws<KeyNotFoundException>(() => new ConfiguredQueueNames(empty).For(FunctionNames.GetProfile));
        Assert.Throws<ArgumentException>(() => FunctionCatalog.QueueName(empty, recompute));
    }

    [Fact]
    public void Entries_reject_routes_and_methods_the_hosts_would_read_differently()
    {
        Assert.Throws<ArgumentException>(() => FunctionDefinition.ForHttp("X", "get", "x", typeof(object)));
        Assert.Throws<ArgumentException>(() => FunctionDefinition.ForHttp("X", "GET", "/x", typeof(object)));
        Assert.Throws<ArgumentException>(() => FunctionDefinition.ForQueue("X", " ", "x", typeof(object)));
    }

    [Theory]
    [InlineData(null, null, 5)]
    [InlineData(null, "3", 3)]
    [InlineData("2", "3", 2)]
    [InlineData("0", "3", 5)]
    public void The_retry_limit_is_the_app_setting_override_then_host_json_then_five(string? overrideValue, string? hostJson, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [QueueRetryLimits.OverrideKey] = overrideValue,
            [QueueRetryLimits.HostJsonKey] = hostJson,
        }).Build();

        Assert.Equal(expected, QueueRetryLimits.MaxDequeueCount(configuration));
        Assert.True(QueueRetryLimits.IsLastAttempt(expected, expected));
        Assert.False(QueueRetryLimits.IsLastAttempt(expected - 1, expected));
    }

    [Fact]
    public void The_repository_host_json_sets_the_timeout_sampling_and_queue_settings()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Testing.RepositoryRoot.Path, "host.json"))
            .Build();

        Assert.True(TimeSpan.TryParse(configuration["functionTimeout"], out var timeout) && timeout >= TimeSpan.FromMinutes(5));
        Assert.Equal("true", configuration["logging:applicationInsights:samplingSettings:isEnabled"], ignoreCase: true);
        Assert.Contains("Request", configuration["logging:applicationInsights:samplingSettings:excludedTypes"]);
        Assert.Equal(5, QueueRetryLimits.MaxDequeueCount(configuration));
        Assert.Equal("base64", configuration["extensions:queues:messageEncoding"]);
    }
}
