using System.Text.Json;
using Serverless.Testing;
using Xunit;

namespace Serverless.Deployment.Tests.Bicep;

/// <summary>
/// Check 3 (app settings): every setting the Functions code binds (<c>%Setting%</c>, <c>Connection = ...</c>) and every
/// setting of local.settings.sample.json that applies in Azure is an app setting, with identity-based connections.
/// </summary>
public sealed class AppSettingsInvariantTests
{
    /// <summary>Settings of local.settings.sample.json that are not app settings in Azure, and why.</summary>
    private static readonly Dictionary<string, string> LocalOnlySettings = new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "Flex Consumption takes the runtime from functionAppConfig.runtime",
        ["AzureWebJobsStorage"] = "Azure uses the identity-based AzureWebJobsStorage__* settings instead of a connection string",
        ["CosmosDb:Key"] = "the account has local (key) authentication disabled; the app uses its managed identity",
        ["CosmosDb:AllowInsecureLocalCertificate"] = "only for the local server's self-signed certificate",
        ["Archive:WriterId"] = "each instance names its archive blobs after its machine and process by default",
        ["Support:KnowledgeSeedPath"] = "a repository folder (docs/knowledge) for local runs; in Azure the articles are uploaded to the support container",
    };

    private const string LocalHostPrefix = "LocalHost:";

    [Fact]
    public void EverySettingAFunctionBindsIsAnAppSetting()
    {
        var declared = FunctionAppSettings.Declared();
        var bindings = FunctionTriggerBindings.Scan(SourceConstants.Load(FunctionTriggerBindings.SourceFolder));
        var references = bindings.SelectMany(b => b.SettingReferences.Select(s => (Where: b.ToString(), Setting: s)))
            .Concat(FunctionTriggerBindings.LiteralSettingReferences().Select(r => (Where: r.File, r.Setting)))
            .ToList();

        Assert.Contains(bindings, b => b.Trigger == "TimerTrigger");
        Assert.NotEmpty(references);
        foreach (var (where, setting) in references)
        {
            Assert.True(declared.ContainsKey(FunctionAppSettings.SettingName(setting)), $"{where} binds %{setting}%, which is not an app setting.");
        }
    }

    [Fact]
    public void EveryTriggerConnectionIsIdentityBased()
    {
        var declared = FunctionAppSettings.Declared();
        var connections = FunctionTriggerBindings.Scan(SourceConstants.Load(FunctionTriggerBindings.SourceFolder))
            .Where(b => b.Trigger != "TimerTrigger")
            .Select(b => (Binding: b, Connection: b.Connection ?? "AzureWebJobsStorage"))
            .ToList();

        Assert.NotEmpty(connections);
        foreach (var (binding, connection) in connections)
        {
            var service = binding.Trigger == "QueueTrigger" ? "queueServiceUri" : "blobServiceUri";
            Assert.False(declared.ContainsKey(connection), $"{binding}: '{connection}' is set as a connection string; use {connection}__{service}.");
            Assert.True(declared.ContainsKey($"{connection}__{service}"), $"{binding}: {connection}__{service} is not an app setting.");
            Assert.Equal("managedidentity", FunctionAppSettings.StaticValue($"{connection}__credential"));
            Assert.True(declared.ContainsKey($"{connection}__clientId"), $"{binding}: {connection}__clientId (the user-assigned identity) is not an app setting.");
        }
    }

    [Fact]
    public void HostStorageCosmosAndTelemetryUseTheUserAssignedIdentity()
    {
        var declared = FunctionAppSettings.Declared();
        var clientIdSettings = new[] { "AzureWebJobsStorage__clientId", "CosmosDb__ClientId" };

        foreach (var service in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri" })
        {
            Assert.True(declared.ContainsKey($"AzureWebJobsStorage__{service}"), $"AzureWebJobsStorage__{service} is not an app setting.");
        }

        Assert.All(clientIdSettings, name => Assert.Equal("identityClientId", BicepExpressions.DottedName(declared[name])));
        Assert.Equal(
            "Authorization=AAD;ClientId=${identityClientId}",
            BicepExpressions.Render(declared["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], FunctionAppSettings.Scope));
        Assert.True(declared.ContainsKey("CosmosDb__Endpoint"));
        Assert.False(declared.ContainsKey("CosmosDb__Key"));
    }

    [Fact]
    public void EverySampleSettingThatAppliesInAzureIsAnAppSettingWithTheSameStaticValue()
    {
        var declared = FunctionAppSettings.Declared();
        var sample = SampleSettings();

        Assert.NotEmpty(sample);
        foreach (var (key, value) in sample)
        {
            if (LocalOnlySettings.ContainsKey(key) || key.StartsWith(LocalHostPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = FunctionAppSettings.SettingName(key);
            Assert.True(declared.ContainsKey(name), $"local.settings.sample.json has {key}; infra/{FunctionAppSettings.ModulePath} has no app setting {name}.");
            if (FunctionAppSettings.StaticValue(name) is { } deployed)
            {
                Assert.True(deployed == value, $"{name} is '{deployed}' in the Bicep, '{value}' in local.settings.sample.json.");
            }
        }
    }

    [Fact]
    public void TheLocalOnlySettingsAreNotAppSettings()
    {
        var declared = FunctionAppSettings.Declared();

        Assert.All(LocalOnlySettings.Keys, key => Assert.False(declared.ContainsKey(FunctionAppSettings.SettingName(key)), $"{key}: {LocalOnlySettings[key]}."));
        Assert.DoesNotContain(declared.Keys, k => k.StartsWith("LocalHost__", StringComparison.Ordinal));
    }

    [Fact]
    public void ConstantsAndSettingReferencesResolveFromSource()
    {
        // The source scan reads attribute arguments from source; prove it resolves each form.
        var constants = SourceConstants.Parse("""
            public static class QueueNames { public const string Events = "events"; }
            public static class FunctionSettings { public const string EventsQueueName = "EventsQueueName"; public const string Connection = "AzureWebJobsStorage"; }
            """);
        var source = """
            public Task RunAsync([QueueTrigger("%" + FunctionSettings.EventsQueueName + "%", Connection = FunctionSettings.Connection)] string message) => Task.CompletedTask;
            public Task TickAsync([TimerTrigger("%RfmRecomputeSchedule%")] TimerInfo timer) => Task.CompletedTask;
            public Task OtherAsync([QueueTrigger(QueueNames.Events)] string message) => Task.CompletedTask;
            public Task InterpolatedAsync([QueueTrigger($"%{FunctionSettings.EventsQueueName}%")] string message) => Task.CompletedTask;
            """;

        var bindings = FunctionTriggerBindings.Scan(source, "Example.cs", constants).ToList();

        Assert.Equal(4, bindings.Count);
        Assert.Equal(("%EventsQueueName%", "AzureWebJobsStorage"), (bindings[0].Value, bindings[0].Connection));
        Assert.Equal(["RfmRecomputeSchedule"], bindings[1].SettingReferences);
        Assert.Equal(("events", (string?)null), (bindings[2].Value, bindings[2].Connection));
        Assert.Equal("%EventsQueueName%", bindings[3].Value);
        Assert.Throws<KeyNotFoundException>(() => constants.Resolve("QueueNames.Catalog"));
    }

    private static Dictionary<string, string> SampleSettings()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    }
}
