using Serverless.Application.Hosting;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// The Functions app's sources are compared with the function catalogue (FunctionsMetadataTests does the same for the
/// compiled metadata): the two hosts cannot drift, and the checker itself is shown to catch each kind of drift on synthetic sources.
/// </summary>
public sealed class FunctionsAppParityTests
{
    private static string FunctionsDirectory => Path.Combine(RepositoryRoot.Path, "src", "Serverless.Functions");

    [Fact]
    public void Every_catalogue_entry_has_exactly_one_matching_function_and_every_function_is_in_the_catalogue()
    {
        var declared = FunctionSourceScanner.ScanDirectory(FunctionsDirectory);

        Assert.Empty(FunctionParity.Compare(FunctionCatalog.All, declared));
        Assert.Equal(FunctionCatalog.All.Count, declared.Count);
    }

    [Fact]
    public void The_scanner_reads_names_routes_keys_queues_schedules_and_handlers_from_the_real_sources()
    {
        var declared = FunctionSourceScanner.ScanDirectory(FunctionsDirectory).ToDictionary(f => f.Name);

        var profile = declared[FunctionNames.GetProfile];
        Assert.Equal(("HttpTrigger", "Function", "users/{userId}/profile"), (profile.TriggerAttribute, profile.AuthorizationLevel, profile.Route));
        Assert.Equal(["get"], profile.Methods);
        Assert.Equal("Anonymous", declared[FunctionNames.Health].AuthorizationLevel);
        Assert.Equal(("%EventsQueueName%", "AzureWebJobsStorage"), (declared[FunctionNames.ProcessEvent].QueueName, declared[FunctionNames.ProcessEvent].Connection));
        Assert.Equal("%RfmRecomputeSchedule%", declared[FunctionNames.RecomputeRfmThresholds].Schedule);
        Assert.Equal(["Serverless.Application.Events.IngestEventsHandler"], declared[FunctionNames.IngestEvents].HandlersCalled);
    }

    [Fact]
    public void A_catalogue_entry_without_a_function_is_reported()
    {
        var sources = Sources(
            Http("IngestEvents", "Function", "post", "events", "Serverless.Application.Events.IngestEventsHandler"));
        var catalogue = new[] { Catalogue(FunctionNames.IngestEvents), Catalogue(FunctionNames.GetProfile) };

        var problem = Assert.Single(FunctionParity.Compare(catalogue, FunctionSourceScanner.Scan(sources)));
        Assert.StartsWith("GetProfile: in FunctionCatalog but no [Function", problem);
    }

    [Fact]
    public void A_function_missing_from_the_catalogue_and_a_function_declared_twice_are_reported()
    {
        var sources = Sources(
            Http("IngestEvents", "Function", "post", "events", "Serverless.Application.Events.IngestEventsHandler"),
            Http("IngestEvents", "Function", "post", "events", "Serverless.Application.Events.IngestEventsHandler", className: "Again"),
            Http("GetProfile", "Function", "get", "users/{userId}/profile", "Serverless.Application.Profiles.GetProfileHandler"));

        var problems = FunctionParity.Compare([Catalogue(FunctionNames.IngestEvents)], FunctionSourceScanner.Scan(sources));

        Assert.Contains(problems, p => p.StartsWith("IngestEvents: declared 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GetProfile (", StringComparison.Ordinal) && p.EndsWith("not in FunctionCatalog.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Anonymous", "get", "users/{userId}/profile", "Serverless.Application.Profiles.GetProfileHandler", "AuthorizationLevel.Anonymous instead of AuthorizationLevel.Function")]
    [InlineData("Function", "post", "users/{userId}/profile", "Serverless.Application.Profiles.GetProfileHandler", "methods [post] instead of [GET]")]
    [InlineData("Function", "get", "users/{id}/profile", "Serverless.Application.Profiles.GetProfileHandler", "Route \"users/{id}/profile\" instead of \"users/{userId}/profile\"")]
    [InlineData("Function", "get", "users/{userId}/profile", "Serverless.Application.Segments.ListSegmentsHandler", "it must take exactly Serverless.Application.Profiles.GetProfileHandler")]
    public void A_function_that_differs_from_its_entry_is_reported(string level, string method, string route, string handler, string expected)
    {
        var sources = Sources(Http("GetProfile", level, method, route, handler));

        var problems = FunctionParity.Compare([Catalogue(FunctionNames.GetProfile)], FunctionSourceScanner.Scan(sources));

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"%EventsQueueName%\"", "\"AzureWebJobsStorage\"", null)]
    [InlineData("\"events\"", "\"AzureWebJobsStorage\"", "queue \"events\" instead of \"%EventsQueueName%\"")]
    [InlineData("\"%EventsQueueName%\"", "\"Storage\"", "Connection \"Storage\" instead of \"AzureWebJobsStorage\"")]
    [InlineData("\"%\" + FunctionSettings.EventsQueueName + \"%\"", "FunctionSettings.StorageConnection", null)]
    public void Queue_functions_are_compared_by_setting_and_connection_whether_written_as_literals_or_constants(
        string queueArgument, string connectionArgument, string? expected)
    {
        var source = $$"""
            using Microsoft.Azure.Functions.Worker;
            using Serverless.Application.Events;
            using Serverless.Application.Hosting;
            namespace Serverless.Functions;
            public sealed class ProcessEventFunction(ProcessEventMessageHandler handler)
            {
                [Function(FunctionNames.ProcessEvent)]
                public Task RunAsync([QueueTrigger({{queueArgument}}, Connection = {{connectionArgument}})] string message, CancellationToken cancellationToken) =>
                    handler.HandleAsync(message, cancellationToken);
            }
            """;

        var problems = FunctionParity.Compare([Catalogue(FunctionNames.ProcessEvent)], FunctionSourceScanner.Scan([("ProcessEventFunction.cs", source)]));

        if (expected is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_function_that_does_not_call_its_handler_or_uses_the_wrong_trigger_is_reported()
    {
        var notCalling = """
            using Microsoft.Azure.Functions.Worker;
            using Serverless.Application.Segments;
            namespace Serverless.Functions;
            public sealed class RecomputeFunction(RecomputeRfmThresholdsHandler handler)
            {
                [Function("RecomputeRfmThresholds")]
                public Task RunAsync([TimerTrigger("%RfmRecomputeSchedule%")] TimerInfo timer) => Task.CompletedTask;
            }
            """;
        var wrongTrigger = """
            using Microsoft.Azure.Functions.Worker;
            using Serverless.Application.Catalog;
            namespace Serverless.Functions;
            public sealed class CatalogFunction(ProcessCatalogMessageHandler handler)
            {
                [Function("ProcessCatalog")]
                public Task RunAsync([TimerTrigger("%CatalogQueueName%")] TimerInfo timer) => handler.HandleAsync("", default);
            }
            """;

        var problems = FunctionParity.Compare(
            [Catalogue(FunctionNames.RecomputeRfmThresholds), Catalogue(FunctionNames.ProcessCatalog)],
            FunctionSourceScanner.Scan([("RecomputeFunction.cs", notCalling), ("CatalogFunction.cs", wrongTrigger)]));

        Assert.Contains(problems, p => p.StartsWith("RecomputeRfmThresholds", StringComparison.Ordinal) && p.Contains("calls HandleAsync on []", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ProcessCatalog", StringComparison.Ordinal) && p.Contains("trigger is TimerTrigger, the catalogue says QueueTrigger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_file_longer_than_a_thin_adapter_is_reported()
    {
        var padded = Http("ListSegments", "Function", "get", "segments", "Serverless.Application.Segments.ListSegmentsHandler")
            .Text + string.Concat(Enumerable.Repeat("\n// padding", FunctionParity.MaxFileLines));

        var problems = FunctionParity.Compare([Catalogue(FunctionNames.ListSegments)], FunctionSourceScanner.Scan([("ListSegmentsFunction.cs", padded)]));

        Assert.Contains(problems, p => p.Contains("a function is a thin adapter", StringComparison.Ordinal));
    }

    private static FunctionDefinition Catalogue(string name) => FunctionCatalog.Get(name);

    private static (string Path, string Text)[] Sources(params (string Path, string Text)[] files) => files;

    private static (string Path, string Text) Http(string name, string level, string method, string route, string handler, string? className = null)
    {
        var type = className ?? name + "Function";
        return ($"{type}.cs", $$"""
            using Microsoft.Azure.Functions.Worker;
            using Microsoft.Azure.Functions.Worker.Http;
            namespace Serverless.Functions;
            public sealed class {{type}}({{handler}} handler)
            {
                [Function("{{name}}")]
                public async Task<HttpResponseData> RunAsync(
                    [HttpTrigger(AuthorizationLevel.{{level}}, "{{method}}", Route = "{{route}}")] HttpRequestData request,
                    CancellationToken cancellationToken)
                {
                    var result = await handler.HandleAsync(default!, cancellationToken);
                    return request.CreateResponse();
                }
            }
            """);
    }
}
