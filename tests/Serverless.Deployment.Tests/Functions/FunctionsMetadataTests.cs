using System.Text.Json;
using Serverless.Application.Hosting;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Functions;

/// <summary>
/// The Functions app is compiled with the solution (its project reference below only orders the build), and the worker
/// SDK writes <c>functions.metadata</c>: what the Functions host will index. This compares that file, not the
/// sources, with the catalogue, so a trigger the compiler accepted but bound differently is caught too.
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void The_compiled_metadata_declares_every_catalogue_function_with_its_trigger_and_nothing_else()
    {
        var metadata = ReadMetadata();
        var byName = metadata.ToDictionary(f => f.GetProperty("name").GetString()!, StringComparer.Ordinal);

        Assert.Equal(
            FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal),
            byName.Keys.Order(StringComparer.Ordinal));

        foreach (var function in FunctionCatalog.All)
        {
            var trigger = Assert.Single(
                byName[function.Name].GetProperty("bindings").EnumerateArray(),
                b => b.GetProperty("direction").GetString() == "In" && b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            switch (function.Trigger)
            {
                case TriggerKind.Http:
                    var http = function.Http!;
                    Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal(http.Route, trigger.GetProperty("route").GetString());
                    Assert.Equal([http.Method.ToLowerInvariant()], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
                    Assert.Equal(http.Authorization.ToString(), trigger.GetProperty("authLevel").GetString());
                    break;
                case TriggerKind.Queue:
                    var queue = function.Queue!;
                    Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal($"%{queue.QueueNameSetting}%", trigger.GetProperty("queueName").GetString());
                    Assert.Equal(queue.Connection, trigger.GetProperty("connection").GetString());
                    break;
                case TriggerKind.Timer:
                    Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
                    Assert.Equal($"%{function.Timer!.ScheduleSetting}%", trigger.GetProperty("schedule").GetString());
                    break;
                default:
                    throw new InvalidOperationException($"{function.Name}: unknown trigger {function.Trigger}.");
            }
        }
    }

    [Fact]
    public void Every_function_runs_in_the_isolated_worker_from_the_apps_own_assembly()
    {
        Assert.All(ReadMetadata(), f =>
        {
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
            Assert.Equal("Serverless.Functions.dll", f.GetProperty("scriptFile").GetString());
            Assert.StartsWith("Serverless.Functions.", f.GetProperty("entryPoint").GetString(), StringComparison.Ordinal);
        });
    }

    /// <summary>The metadata of the build next to this test's own build (same configuration).</summary>
    private static List<JsonElement> ReadMetadata()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", "Serverless.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build the solution (the Functions project builds with it).");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
